import { describe, expect, it } from "vitest";
import { followRefs, getAt, parsePointer, resolveLocalRef, toPointer } from "../../src/load/json-pointer.js";

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

describe("local references", () => {
  const doc = {
    components: {
      parameters: { Id: { $ref: "#/components/parameters/RealId" }, RealId: { name: "id", in: "path" } },
      schemas: { "a/b": { type: "string" }, Loop: { $ref: "#/components/schemas/Loop" } },
    },
  };

  it("resolves escaped and percent-encoded pointers, and nothing outside the document", () => {
    expect(resolveLocalRef(doc, "#/components/schemas/a~1b")).toEqual({ type: "string" });
    expect(resolveLocalRef(doc, "#/components/schemas/a%7E1b")).toEqual({ type: "string" });
    expect(resolveLocalRef(doc, "other.yaml#/x")).toBeUndefined();
    expect(resolveLocalRef(doc, "#/components/schemas/missing")).toBeUndefined();
  });

  it("follows a chain of $refs and says where it landed", () => {
    expect(followRefs(doc, { $ref: "#/components/parameters/Id" }, "/paths/x")).toEqual({
      value: { name: "id", in: "path" },
      pointer: "#/components/parameters/RealId",
    });
    expect(followRefs(doc, { name: "q" }, "/paths/x")).toEqual({ value: { name: "q" }, pointer: "/paths/x" });
  });

  it("stops on a reference cycle instead of hanging", () => {
    expect(followRefs(doc, { $ref: "#/components/schemas/Loop" }).value).toEqual({ $ref: "#/components/schemas/Loop" });
  });
});
