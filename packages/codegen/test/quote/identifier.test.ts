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

describe("the safe-name rule", () => {
  it.each([
    ["Error", "ErrorModel"],
    ["File", "FileModel"],
    ["Number", "NumberModel"],
    ["Object", "ObjectModel"],
    ["Promise", "PromiseModel"],
    ["T", "TModel"],
    ["ValidationResult", "ValidationResultModel"],
    ["__proto__", "__proto__Model"],
    ["A_check", "A_checkModel"],
    ["Evil*/ console.log('PWNED'); /*", "EvilConsoleLogPWNED"],
  ])("%j → %s", (name, expected) => {
    expect(assignTypeNames([name]).get(name)).toBe(expected);
  });

  it("numbers a safe name that an earlier one already took", () => {
    expect([...assignTypeNames(["Error", "ErrorModel"]).values()]).toEqual(["ErrorModel", "ErrorModel2"]);
  });

  it("refuses a name too long to be an identifier, naming where it is", () => {
    expect(() => assignTypeNames(["x".repeat(201)], { locate: () => ({ file: "spec.yaml", pointer: "/components/schemas/x" }) })).toThrow(
      /spec\.yaml \(at \/components\/schemas\/x\): a name of 201 characters/,
    );
  });
});
