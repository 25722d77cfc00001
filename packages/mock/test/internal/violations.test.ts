import { describe, expect, it } from "vitest";
import { parseViolations, violationBody, violationsHeader } from "../../src/internal/violations.js";

describe("violations", () => {
  it("the header escapes what a header cannot carry and still parses", () => {
    const violations = [{ location: ["request", "body"], severity: "Error", message: "found 'ключ\u0100'\r\n" }];
    const header = violationsHeader(violations);
    expect(header).toMatch(/^[\u0020-\u007e]+$/);
    expect(parseViolations(header)).toEqual(violations);
  });

  it("the header keeps as many violations as fit in 8 KiB, and still parses", () => {
    const violations = Array.from({ length: 500 }, (_, i) => ({ location: ["request", "body", String(i)], message: "x".repeat(1_000) }));
    const header = violationsHeader(violations);
    expect(header.length).toBeLessThanOrEqual(8 * 1024 - 100);
    expect(parseViolations(header).length).toBeGreaterThan(0);
  });

  it("the body lists at most 20 violations, each quoted and cut", () => {
    const violations = Array.from({ length: 25 }, () => ({ location: ["request", "body"], message: `bad\n${"y".repeat(1_000)}` }));
    const { error, description } = violationBody(400, violations);
    expect(error).toBe("invalid_request");
    expect(description).toMatch(/^mock rejected the request: "request\.body: bad\\ny+"… \(1018 characters\); /);
    expect(description).toMatch(/; and 5 more$/);
    expect(description.length).toBeLessThan(25 * 350);
  });
});
