import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dedupe, restore } from "../../../src/resources/bulk/dedupe.js";

describe("dedupe", () => {
  it("keeps each value once, in order of first appearance, and maps every index to its slot", () => {
    const deduped = dedupe(["a", "b", "a", "c", "b", "a"]);
    expect(deduped.unique).toEqual(["a", "b", "c"]);
    expect(deduped.firstIndex).toEqual([0, 1, 3]);
    expect(deduped.slotOf).toEqual([0, 1, 0, 2, 1, 0]);
  });

  it("keeps non-strings apart from their string forms, and objects apart by identity", () => {
    const object = { id: "x" };
    const deduped = dedupe<unknown>([42, "42", null, "null", object, { id: "x" }, object, Number.NaN, Number.NaN]);
    expect(deduped.unique).toEqual([42, "42", null, "null", object, { id: "x" }, Number.NaN]);
    expect(deduped.slotOf[6]).toBe(4);
    expect(deduped.slotOf[8]).toBe(6);
  });

  it("gives nothing for an empty list", () => {
    expect(dedupe([])).toEqual({ unique: [], firstIndex: [], slotOf: [] });
  });

  it("round-trips any list through restore, marking exactly the repeats", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (input) => {
        const deduped = dedupe(input);
        expect(new Set(deduped.unique).size).toBe(deduped.unique.length);
        const restored = restore(deduped, deduped.unique, (value) => -1 - value);
        const seen = new Set<number>();
        input.forEach((value, index) => {
          expect(restored[index]).toBe(seen.has(value) ? -1 - value : value);
          seen.add(value);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("restore", () => {
  it("gives the first occurrence its slot's value and each repeat a marked copy", () => {
    const deduped = dedupe(["x", "y", "x"]);
    const restored = restore(
      deduped,
      [
        { id: "x", n: 1 },
        { id: "y", n: 2 },
      ],
      (value) => ({ ...value, duplicate: true }),
    );
    expect(restored).toEqual([
      { id: "x", n: 1 },
      { id: "y", n: 2 },
      { id: "x", n: 1, duplicate: true },
    ]);
  });
});
