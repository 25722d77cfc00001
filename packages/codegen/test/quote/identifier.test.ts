import { describe, expect, it } from "vitest";
import { assignTypeNames, toTypeName } from "../../src/quote/identifier.js";

describe("toTypeName", () => {
  it.each([
    ["Fax", "Fax"],
    ["BulkFaxUpdateRequest", "BulkFaxUpdateRequest"],
    ["simple-user", "SimpleUser"],
    ["repository-rule_params", "RepositoryRule_params"],
    ["code-scanning.alert", "CodeScanningAlert"],
    ["2fa-status", "Schema2faStatus"],
    ["---", "Schema"],
  ])("%s → %s", (name, expected) => {
    expect(toTypeName(name)).toBe(expected);
  });
});

describe("assignTypeNames", () => {
  it("gives clashing names stable numeric suffixes in document order", () => {
    const names = assignTypeNames(["simple-user", "simple_user", "SimpleUser", "Fax"]);
    expect([...names.values()]).toEqual(["SimpleUser", "Simple_user", "SimpleUser2", "Fax"]);
  });
  it("avoids reserved names", () => {
    expect(assignTypeNames(["paths"], { reserved: ["Paths"] }).get("paths")).toBe("Paths2");
  });
});
