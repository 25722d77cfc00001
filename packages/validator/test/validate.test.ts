import { describe, expect, it } from "vitest";
import * as root from "../src/index.js";
import { assert, FaxValidationError, is, validate } from "../src/index.js";

const ids = (n: number, length = 8) => Array.from({ length: n }, (_, i) => String(i).padStart(length, "0"));

describe("validate.BulkFaxUpdateRequest (the official bulk update, with the overlay rules)", () => {
  it.each([
    [
      "the published example",
      { ids: ["a1b2c3d4e5f6789012345678901234ab", "b2c3d4e5f6789012345678901234abc"], is_read: true, comment: "updated via bulk" },
    ],
    ["is_read: false alone (mark unread)", { ids: ["a"], is_read: false }],
    ['comment: "" alone (remove the comment)', { ids: ["a"], comment: "" }],
    ["100 ids of 32 characters", { ids: ids(100, 32), is_read: true }],
    ["a 100-character comment of emoji (counted in characters)", { ids: ["a"], comment: "😀".repeat(100) }],
  ])("accepts %s", (_name, body) => {
    expect(validate.BulkFaxUpdateRequest(body)).toEqual({ ok: true, value: body });
    expect(is.BulkFaxUpdateRequest(body)).toBe(true);
    expect(() => assert.BulkFaxUpdateRequest(body)).not.toThrow();
  });

  it.each([
    ["101 ids", { ids: ids(101), is_read: true }, ["/ids: must have at most 100 items (got 101)"]],
    ["a 101-character comment", { ids: ["a"], comment: "x".repeat(101) }, ["/comment: must be at most 100 characters (got 101)"]],
    ["an unknown property", { ids: ["a"], is_read: true, foo: 1 }, ["/foo: is not allowed (unknown property)"]],
    ["no ids", { is_read: true }, ["/: must have required property 'ids'"]],
    ["empty ids", { ids: [], is_read: true }, ["/ids: must have at least 1 item (got 0)"]],
    ["neither is_read nor comment", { ids: ["a"] }, ["/: must have at least one of the properties 'is_read', 'comment'"]],
    ["a 33-character id", { ids: ["x".repeat(33)], is_read: true }, ["/ids/0: must be at most 32 characters (got 33)"]],
    ["a string is_read", { ids: ["a"], is_read: "true" }, ["/is_read: must be boolean (got string)"]],
    ["a number", 42, ["/: must be object (got integer)"]],
    [
      "everything wrong at once (all issues reported)",
      { ids: [...ids(100), "x".repeat(33)], comment: 5, foo: 1 },
      [
        "/ids: must have at most 100 items (got 101)",
        "/ids/100: must be at most 32 characters (got 33)",
        "/comment: must be string (got integer)",
        "/foo: is not allowed (unknown property)",
      ],
    ],
  ])("rejects %s with a message naming the place, the limit and the value", (_name, body, messages) => {
    const result = validate.BulkFaxUpdateRequest(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.message)).toEqual(messages);
    for (const issue of result.issues) {
      expect(issue.path).toMatch(/^\//);
      expect(issue.schemaPath).toMatch(/^#\/components\/schemas\/BulkFaxUpdateRequest/);
      expect(issue.keyword).not.toBe("");
    }
    expect(is.BulkFaxUpdateRequest(body)).toBe(false);
  });

  it("assert throws FaxValidationError carrying every issue", () => {
    const body = { ids: ids(101), foo: 1 };
    let thrown: unknown;
    try {
      assert.BulkFaxUpdateRequest(body);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FaxValidationError);
    const error = thrown as FaxValidationError;
    expect(error.issues.map((issue) => issue.keyword)).toEqual(["maxItems", "additionalProperties", "anyOf"]);
    expect(error.message).toBe(
      "invalid value of BulkFaxUpdateRequest: /ids: must have at most 100 items (got 101); /foo: is not allowed (unknown property); /: must have at least one of the properties 'is_read', 'comment'",
    );
    expect(error.subject).toEqual({ schema: "BulkFaxUpdateRequest" });
  });
});

describe("validate on other schemas", () => {
  it("follows $refs into nested schemas and reports the nested path", () => {
    const result = validate.FaxList({ data: { records: [{ id: 5 }] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toContain("/data/records/0/id");
    expect(result.issues.find((issue) => issue.path === "/data/records/0/id")?.schemaPath).toBe(
      "#/components/schemas/Fax/properties/id/type",
    );
  });

  it("names enum values in the message", () => {
    const result = validate.FaxCategory("trash");
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: "/",
          keyword: "enum",
          schemaPath: "#/components/schemas/FaxCategory/enum",
          message: '/: must be one of "inbox", "sent", "spam" (got "trash")',
        },
      ],
    });
  });

  it("accepts null where the spec says nullable and rejects it elsewhere", () => {
    expect(is.RetryOptions({ count: 1, delay: 5 })).toBe(true);
    const nullableFields = validate.Fax;
    const base = {
      id: "f1",
      owner_id: "u1",
      pages: 1,
      status: "success",
      comment: "",
      cost_details: { multiplier: 1, notification_cost: 0 },
    };
    expect(nullableFields({ ...base, header: null, max_retry: null })).toMatchObject({ ok: true });
    expect(nullableFields({ ...base, comment: null })).toMatchObject({ ok: false });
  });
});

describe("flat root exports (validateX, isX, assertX)", () => {
  it("exist for every schema and are the namespace functions themselves", () => {
    const exports = root as unknown as Record<string, unknown>;
    const names = Object.keys(validate);
    expect(names.length).toBeGreaterThan(60);
    for (const name of names) {
      expect(exports[`validate${name}`], `validate${name}`).toBe((validate as Record<string, unknown>)[name]);
      expect(exports[`is${name}`], `is${name}`).toBe((is as Record<string, unknown>)[name]);
      expect(exports[`assert${name}`], `assert${name}`).toBe((assert as Record<string, unknown>)[name]);
    }
  });

  it("validate like the namespace: validateBulkFaxUpdateRequest reports every issue", () => {
    const result = root.validateBulkFaxUpdateRequest({ ids: [], comment: "x".repeat(101) });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      "/ids: must have at least 1 item (got 0)",
      "/comment: must be at most 100 characters (got 101)",
    ]);
  });
});
