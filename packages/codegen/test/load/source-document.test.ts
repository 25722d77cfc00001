import { describe, expect, it } from "vitest";
import { CodegenError } from "../../src/errors/CodegenError.js";
import { parseJsonSource, parseYamlSource } from "../../src/load/source-document.js";

const yamlText = `openapi: 3.0.3
info:
  title: T
  version: '1'
paths:
  /a/{b}:
    get:
      responses:
        '200':
          description: ok
`;

function errorOf(fn: () => unknown): CodegenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodegenError) return error;
    throw error;
  }
  throw new Error("expected a CodegenError");
}

describe("parseYamlSource", () => {
  it("locates nodes by JSON pointer, including escaped path keys and quoted status keys", () => {
    const source = parseYamlSource("spec.yaml", yamlText);
    expect(source.locate("/info/title")).toEqual({ file: "spec.yaml", pointer: "/info/title", line: 3, column: 3 });
    expect(source.locate("/paths/~1a~1{b}/get/responses/200")).toMatchObject({ line: 9, column: 9 });
  });

  it("falls back to the deepest existing ancestor for nodes the file does not have", () => {
    const source = parseYamlSource("spec.yaml", yamlText);
    expect(source.locate("/paths/~1a~1{b}/get/operationId")).toMatchObject({ line: 7, column: 5 });
  });

  it.each([
    ["an unclosed flow sequence", "a: [1, 2\nb: 3\n", /invalid YAML/],
    ["a duplicate key", "a: 1\na: 2\n", /Map keys must be unique/],
    ["bad indentation", "a:\n  b: 1\n c: 2\n", /invalid YAML/],
  ])("reports %s with line and column", (_name, text, message) => {
    const error = errorOf(() => parseYamlSource("bad.yaml", text));
    expect(error.code).toBe("PARSE_ERROR");
    expect(error.message).toMatch(message);
    expect(error.location?.line).toBeGreaterThan(0);
    expect(error.message).toMatch(/^bad\.yaml:\d+:\d+: /);
  });
});

describe("parseJsonSource", () => {
  it("turns the parser's offset into line and column", () => {
    const error = errorOf(() => parseJsonSource("spec.json", '{\n  "a": 1,\n  "b": }\n'));
    expect(error.code).toBe("PARSE_ERROR");
    expect(error.location).toMatchObject({ file: "spec.json", line: 3, column: 8 });
  });
});
