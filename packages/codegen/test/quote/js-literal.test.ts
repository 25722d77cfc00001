import { runInNewContext } from "node:vm";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../src/errors/CodegenError.js";
import { MAX_LITERAL_DEPTH, quoteJsLiteral } from "../../src/quote/js-literal.js";

describe("quoteJsLiteral", () => {
  it("writes what JSON.stringify writes for ordinary data, compact and indented", () => {
    const data = { title: "Fax.Plus", count: 28, tags: ["a", "b"], none: null, nested: { ok: true, list: [] } };
    expect(quoteJsLiteral(data)).toBe(JSON.stringify(data));
    expect(quoteJsLiteral(data, 2)).toBe(JSON.stringify(data, null, 2));
  });

  it("keeps a __proto__ key an own property instead of setting the prototype", () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const value = runInNewContext(`(${quoteJsLiteral(data)})`);
    expect(Object.keys(value)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(value)).not.toHaveProperty("polluted");
  });

  it("keeps NaN, Infinity and -0, which YAML can hold and JSON cannot", () => {
    expect(quoteJsLiteral([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0])).toBe("[NaN,Infinity,-Infinity,-0]");
  });

  it("refuses what is not data, and data nested deeper than the bound", () => {
    expect(() => quoteJsLiteral({ f: () => 1 })).toThrow(CodegenError);
    let deep: unknown = "x";
    for (let i = 0; i <= MAX_LITERAL_DEPTH + 1; i++) deep = [deep];
    expect(() => quoteJsLiteral(deep)).toThrow(/nested more than/);
  });

  it("evaluates back to equal data for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // Compared as JSON text inside the other realm: same keys (own __proto__ included), same order.
        expect(runInNewContext(`JSON.stringify(${quoteJsLiteral(value)})`)).toBe(JSON.stringify(value));
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});
