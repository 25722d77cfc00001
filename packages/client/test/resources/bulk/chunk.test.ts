import { describe, expect, it } from "vitest";
import { chunk } from "../../../src/resources/bulk/chunk.js";

const range = (count: number) => Array.from({ length: count }, (_, k) => k);

describe("chunk", () => {
  it.each([
    { count: 0, sizes: [] },
    { count: 1, sizes: [1] },
    { count: 100, sizes: [100] },
    { count: 101, sizes: [100, 1] },
    { count: 250, sizes: [100, 100, 50] },
  ])("cuts $count items into pieces of $sizes", ({ count, sizes }) => {
    const chunks = chunk(range(count), 100);
    expect(chunks.map((piece) => piece.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(range(count));
  });

  it("leaves the input untouched", () => {
    const items = range(5);
    chunk(items, 2);
    expect(items).toEqual(range(5));
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses size %s with a RangeError", (size) => {
    expect(() => chunk([1], size)).toThrow(new RangeError(`chunk size must be a positive integer (got ${size})`));
  });
});
