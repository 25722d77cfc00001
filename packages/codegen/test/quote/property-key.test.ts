import { runInNewContext } from "node:vm";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteMemberAccess, quotePropertyKey } from "../../src/quote/property-key.js";

describe("quotePropertyKey", () => {
  it.each(["__proto__", "constructor", "toString", "*/", "a\u2028b", "", "0"])("%j becomes an own key of an object literal", (name) => {
    const value = runInNewContext(`({ ${quotePropertyKey(name)}: 1 })`);
    expect(Object.keys(value)).toEqual([name]);
    expect(Object.hasOwn(value, name)).toBe(true);
  });

  it("writes ordinary names as quoted strings, as before", () => {
    expect(quotePropertyKey("getFax")).toBe('"getFax"');
    expect(quotePropertyKey("__proto__")).toBe('["__proto__"]');
  });

  it("reads any property back, by dot when the name allows it", () => {
    expect(quoteMemberAccess("v", "id")).toBe("v.id");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (name) => {
        const object = Object.fromEntries([[name, 42]]);
        expect(runInNewContext(quoteMemberAccess("v", name), { v: object })).toBe(42);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
