import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/internal/retry-after.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ["", undefined],
    ["0", 0],
    ["30", 30],
    [" 30 ", 30],
    ["1.5", 1.5],
    ["-1", undefined],
    ["+5", undefined],
    ["30s", undefined],
    ["garbage", undefined],
    ["Sun, 01 Jun 2025 12:00:10 GMT", 10],
    ["Sun, 01 Jun 2025 12:00:09 GMT", 9],
    ["Sunday, 01-Jun-25 12:01:00 GMT", 60],
    ["Sun Jun  1 12:00:05 2025", 5],
    ["Sun, 01 Jun 2025 11:00:00 GMT", 0],
    ["Sun, 32 Jun 2025 12:00:00 GMT", undefined],
  ])("%j → %j", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it("rounds a fractional wait up to whole seconds", () => {
    expect(parseRetryAfter("Sun, 01 Jun 2025 12:00:10 GMT", now + 500)).toBe(10);
  });

  it("defaults now to Date.now()", () => {
    const value = new Date(Date.now() + 60_000).toUTCString();
    const seconds = parseRetryAfter(value);
    expect(seconds).toBeGreaterThanOrEqual(58);
    expect(seconds).toBeLessThanOrEqual(60);
  });
});
