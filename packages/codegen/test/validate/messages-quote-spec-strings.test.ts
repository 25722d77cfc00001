import { describe, expect, it } from "vitest";
import { CodegenError } from "../../src/errors/CodegenError.js";
import { parseJsonSource } from "../../src/load/source-document.js";
import { validateDocument } from "../../src/validate/validate-document.js";

const ESCAPE = "\u001b[2J";

function refusal(spec: object): CodegenError {
  const source = parseJsonSource("spec.json", JSON.stringify(spec));
  try {
    validateDocument(source.value, source);
  } catch (error) {
    return error as CodegenError;
  }
  throw new Error("expected a refusal");
}

const base = { openapi: "3.0.3", info: { title: "t", version: "1" } };

describe("error messages quote the spec's strings", () => {
  it("a $ref holding a terminal escape and a line break is shown on one line without control characters", () => {
    const error = refusal({
      ...base,
      paths: {},
      components: { schemas: { A: { $ref: `#/components/schemas/Nope${ESCAPE}\nforged line` } } },
    });
    expect(error).toBeInstanceOf(CodegenError);
    expect(error.message).toContain("Nope");
    expect(error.message).not.toContain("\u001b");
    expect(error.message).not.toContain("\nforged line");
  });

  it("a path that does not start with / is shown without its control characters", () => {
    const error = refusal({ ...base, paths: { [`x${ESCAPE}`]: {} } });
    expect(error.message).toMatch(/path "x\uFFFD\[2J" must start with "\/"/);
  });
});
