import { describe, expect, it } from "vitest";
import { getAt, parsePointer, toPointer } from "../../src/load/json-pointer.js";

describe("JSON pointers (RFC 6901)", () => {
  it.each([
    [["paths", "/accounts/{user_id}/faxes", "put"], "/paths/~1accounts~1{user_id}~1faxes/put"],
    [["a~b", "c/d"], "/a~0b/c~1d"],
    [[], ""],
    [["items", 0], "/items/0"],
  ])("%j ⇄ %s", (tokens, pointer) => {
    expect(toPointer(tokens)).toBe(pointer);
    expect(parsePointer(pointer)).toEqual(tokens.map(String));
  });

  it("rejects a pointer without a leading slash", () => {
    expect(() => parsePointer("components/schemas")).toThrow(/not a JSON pointer/);
  });

  it("reads only own properties, never the prototype chain", () => {
    const doc = { a: { b: [1, 2] } };
    expect(getAt(doc, ["a", "b", "1"])).toBe(2);
    expect(getAt(doc, ["a", "missing"])).toBeUndefined();
    expect(getAt(doc, ["a", "constructor"])).toBeUndefined();
    expect(getAt(doc, ["__proto__"])).toBeUndefined();
  });
});
