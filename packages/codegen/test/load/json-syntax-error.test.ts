import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "../../src/load/json-syntax-error.js";

describe("findJsonSyntaxError", () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, -2.5e3, true, null, "x\\u00e9"]', undefined],
    ["{}", undefined],
    ["[]", undefined],
  ])("accepts valid JSON %s", (text, expected) => {
    expect(findJsonSyntaxError(text)).toEqual(expected);
  });

  it.each([
    ['{"a": }', 6, /value should be/],
    ['{"a": 1,}', 8, /quoted object key/],
    ['{"a" 1}', 5, /expected ":"/],
    ["[1 2]", 3, /expected "," or "]"/],
    ['{"a": 1', 7, /unexpected end/],
    ['{"a": 1} x', 9, /after the end/],
    ['"abc', 0, /unterminated/],
    ["{'a': 1}", 1, /quoted object key/],
  ])("finds the error in %s at offset %i", (text, offset, reason) => {
    const found = findJsonSyntaxError(text);
    expect(found?.offset).toBe(offset);
    expect(found?.reason).toMatch(reason);
  });

  it("does not overflow on 100,000 levels of nesting", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(99_999)}`;
    expect(findJsonSyntaxError(deep)?.reason).toMatch(/unexpected end/);
  });
});
