import { describe, expect, it } from "vitest";
import { checkEmittedSyntax } from "../../src/emit/check-emitted-syntax.js";
import { CodegenError } from "../../src/errors/CodegenError.js";

describe("checkEmittedSyntax", () => {
  it("accepts emitted TypeScript that parses", () => {
    expect(() => checkEmittedSyntax([{ path: "a.ts", content: "export const a = 1;\n" }])).not.toThrow();
  });

  it("stops generation with EMIT_FAILED naming the file and line when emitted code does not parse", () => {
    const broken = { path: "types/aliases.ts", content: "export type A = 1;\n/** x */ y; /*\nexport const b = {;\n" };
    let thrown: unknown;
    try {
      checkEmittedSyntax([broken]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CodegenError);
    expect((thrown as CodegenError).code).toBe("EMIT_FAILED");
    expect((thrown as CodegenError).message).toMatch(/types\/aliases\.ts:\d+ that does not parse/);
  });

  it("does not parse files that are not TypeScript (the resolved spec is JSON)", () => {
    expect(() => checkEmittedSyntax([{ path: "dist/spec.json", content: "{" }])).not.toThrow();
  });
});
