import { describe, expect, it } from "vitest";
import { codesById } from "../../../src/resources/bulk/codes-by-id.js";

describe("codesById", () => {
  it("reads each entry's code by its ID", () => {
    const codes = codesById({
      results: [
        { id: "a", code: 204 },
        { id: "b", code: 404 },
      ],
    });
    expect([...codes]).toEqual([
      ["a", 204],
      ["b", 404],
    ]);
  });

  it("keeps the first entry for an ID", () => {
    expect(
      codesById({
        results: [
          { id: "a", code: 404 },
          { id: "a", code: 204 },
        ],
      }).get("a"),
    ).toBe(404);
  });

  it("skips entries it cannot read", () => {
    const codes = codesById({
      results: [
        null,
        7,
        "a",
        { id: 1, code: 204 },
        { id: "b", code: "204" },
        { id: "c", code: Number.NaN },
        { id: "d" },
        { id: "e", code: 409 },
      ],
    });
    expect([...codes]).toEqual([["e", 409]]);
  });

  it.each([
    null,
    undefined,
    "ok",
    42,
    [],
    {},
    { results: "none" },
    { results: { id: "a", code: 204 } },
  ])("reads no codes from %j", (data) => {
    expect(codesById(data).size).toBe(0);
  });
});
