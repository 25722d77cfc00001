import { describe, expect, it } from "vitest";
import { FaxValidationError, type ValidationIssue } from "../../src/index.js";

const issue = (n: number): ValidationIssue => ({
  path: `/ids/${n}`,
  keyword: "maxLength",
  schemaPath: "#/x",
  message: `/ids/${n}: must be at most 32 characters (got 33)`,
});

describe("FaxValidationError", () => {
  it("lists the first three issues and counts the rest", () => {
    const error = new FaxValidationError([issue(0), issue(1), issue(2), issue(3), issue(4)], {
      operationId: "bulkUpdateFaxes",
      part: "request",
    });
    expect(error.message).toBe(
      "invalid bulkUpdateFaxes request: /ids/0: must be at most 32 characters (got 33); /ids/1: must be at most 32 characters (got 33); /ids/2: must be at most 32 characters (got 33); and 2 more",
    );
    expect(error.issues).toHaveLength(5);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("FaxValidationError");
  });

  it("serialises to plain data with every issue", () => {
    const error = new FaxValidationError([issue(0)], { schema: "BulkFaxUpdateRequest" });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "FaxValidationError",
      message: "invalid value of BulkFaxUpdateRequest: /ids/0: must be at most 32 characters (got 33)",
      subject: { schema: "BulkFaxUpdateRequest" },
      issues: [issue(0)],
    });
  });
});
