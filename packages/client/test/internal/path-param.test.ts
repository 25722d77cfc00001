import { describe, expect, it } from "vitest";
import { isDotSegment, pathParamError } from "../../src/internal/path-param.js";

describe("isDotSegment", () => {
  it.each([
    undefined,
    null,
    "",
    ".",
    "..",
    "%2e",
    "%2E",
    "%2e%2e",
    "%2E%2e",
    ".%2e",
    "%2e.",
    "%2E.",
  ])("%j would change the path", (value) => {
    expect(isDotSegment(value)).toBe(true);
  });

  it.each([
    "...",
    "a.",
    ".a",
    "..a",
    "%2e%2e%2e",
    "%252e",
    "%2f",
    "5e7de3ad54cfd54eb568cc76",
    0,
    42,
  ])("%j is an ordinary segment", (value) => {
    expect(isDotSegment(value)).toBe(false);
  });
});

describe("pathParamError", () => {
  it("names where and which parameter, quoting the (short) value", () => {
    expect(pathParamError("fax_id", "%2e%2e", "deleteFax").message).toBe(
      'deleteFax: path parameter "fax_id" must not be empty, "." or ".." (got "%2e%2e")',
    );
    expect(pathParamError("user_id", undefined, "/accounts/{user_id}").message).toBe(
      '/accounts/{user_id}: path parameter "user_id" must not be empty, "." or ".." (got "")',
    );
  });
});
