import { describe, expect, it } from "vitest";
import { bumpsByPackage, overallBump } from "../../src/diff/bump.js";
import type { AffectedPackage, Bump, SpecChange } from "../../src/diff/rules.js";

function change(bump: Bump, packages: AffectedPackage[]): SpecChange {
  return { rule: "documentation-changed", bump, pointer: "/info/description", operationId: null, packages, message: "m" };
}

describe("overallBump", () => {
  it.each([
    [[], null],
    [["patch"], "patch"],
    [["patch", "minor", "patch"], "minor"],
    [["minor", "major", "patch"], "major"],
    [["major", "minor"], "major"],
  ] as const)("%j → %s", (bumps, expected) => {
    expect(overallBump(bumps.map((bump) => change(bump, ["@faxkit/types"])))).toBe(expected);
  });
});

describe("bumpsByPackage", () => {
  it("is empty without changes", () => {
    expect(bumpsByPackage([])).toEqual({});
  });

  it("takes the strongest bump per package and leaves untouched packages out, in a fixed order", () => {
    const result = bumpsByPackage([
      change("patch", ["@faxkit/types", "@faxkit/mock"]),
      change("major", ["@faxkit/mock", "@faxkit/validator"]),
      change("minor", ["@faxkit/types"]),
    ]);
    expect(result).toEqual({ "@faxkit/types": "minor", "@faxkit/validator": "major", "@faxkit/mock": "major" });
    expect(Object.keys(result)).toEqual(["@faxkit/types", "@faxkit/validator", "@faxkit/mock"]);
    expect(result["@faxkit/client"]).toBeUndefined();
  });
});
