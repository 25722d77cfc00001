import { FaxValidationError } from "@faxkit/validator";
import { BulkFaxUpdateRequest } from "@faxkit/validator/validate";
import { describe, expect, it } from "vitest";
import { checkConcurrency, checkOnProgress, checkPayload, idError } from "../../../src/resources/bulk/check.js";

describe("checkConcurrency", () => {
  it("defaults to 4 and passes a positive integer through", () => {
    expect(checkConcurrency("m", undefined)).toBe(4);
    expect(checkConcurrency("m", 7)).toBe(7);
  });

  it.each([
    [0, "0"],
    ["2", '"2"'],
    [[2], "an array"],
    [{}, "an object"],
  ])("refuses %j, quoting it", (value, shown) => {
    expect(() => checkConcurrency("faxes.bulkUpdateAll", value)).toThrow(
      new TypeError(`faxes.bulkUpdateAll: concurrency must be a positive integer (got ${shown})`),
    );
  });
});

describe("checkOnProgress", () => {
  it("accepts a function or nothing and refuses anything else", () => {
    const callback = () => undefined;
    expect(checkOnProgress("m", callback)).toBe(callback);
    expect(checkOnProgress("m", undefined)).toBeUndefined();
    expect(() => checkOnProgress("m", null)).toThrow("m: onProgress must be a function (got null)");
  });
});

describe("checkPayload", () => {
  it("passes a good payload even when its first ID is bad (that is the per-ID check's job)", () => {
    expect(() =>
      checkPayload(BulkFaxUpdateRequest, "bulkUpdateFaxes", { ids: ["x".repeat(40)], is_read: true }, ["x".repeat(40)]),
    ).not.toThrow();
  });

  it("throws a FaxValidationError naming the operation for a bad payload", () => {
    const body = { ids: ["a"], comment: 5 };
    const check = () => checkPayload(BulkFaxUpdateRequest, "bulkUpdateFaxes", body, body.ids);
    expect(check).toThrow(FaxValidationError);
    expect(check).toThrow("invalid bulkUpdateFaxes request: /comment: must be string (got integer)");
  });
});

describe("idError", () => {
  it("is undefined for an ID the API would take", () => {
    expect(idError(BulkFaxUpdateRequest, "bulkUpdateFaxes", { is_read: true }, "66df09cf1d6d0b295c363956", 3)).toBeUndefined();
  });

  it("points a bad ID's issues at its index in the caller's list", () => {
    const error = idError(BulkFaxUpdateRequest, "bulkUpdateFaxes", { is_read: true }, "x".repeat(33), 7);
    expect(error).toBeInstanceOf(FaxValidationError);
    expect(error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["/ids/7", "/ids/7: must be at most 32 characters (got 33)"],
    ]);
  });
});
