import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignFileNames, MAX_FILE_STEM } from "../../src/quote/file-name.js";

describe("assignFileNames", () => {
  it("keeps distinct names as they are", () => {
    expect([...assignFileNames(["Fax", "FaxList"]).values()]).toEqual(["Fax", "FaxList"]);
  });

  it("gives case-only twins distinct, deterministic names; the first keeps its own", () => {
    const first = assignFileNames(["Pet", "PET", "pet"]);
    expect(first.get("Pet")).toBe("Pet");
    expect(first.get("PET")).toMatch(/^PET-[0-9a-f]{8}$/);
    expect(new Set([...first.values()].map((s) => s.toLowerCase())).size).toBe(3);
    expect(assignFileNames(["Pet", "PET", "pet"])).toEqual(first);
  });

  it("moves Windows device names and cuts long names", () => {
    expect(assignFileNames(["Con"]).get("Con")).toBe("Con-file");
    const long = "A".repeat(300);
    expect(assignFileNames([long]).get(long)?.length).toBe(MAX_FILE_STEM);
  });

  it("never gives two identifiers names that a case-insensitive file system would merge", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,6}$/), { maxLength: 30 }), (identifiers) => {
        const stems = [...assignFileNames(identifiers).values()];
        expect(new Set(stems.map((s) => s.toLowerCase())).size).toBe(identifiers.length);
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
