import { describe, expect, it } from "vitest";
import { parseFaxTime } from "../../src/internal/fax-time.js";
import { toFaxTime, withFaxTimes } from "../../src/internal/to-fax-time.js";

describe("toFaxTime", () => {
  it.each([
    ["2024-01-31T23:59:59.750Z", "2024-01-31 23:59:59"],
    ["2024-02-29T00:00:00Z", "2024-02-29 00:00:00"],
    ["1970-01-01T00:00:00Z", "1970-01-01 00:00:00"],
    ["1969-12-31T23:59:59.999Z", "1969-12-31 23:59:59"],
    ["0000-01-01T00:00:00Z", "0000-01-01 00:00:00"],
    ["9999-12-31T23:59:59.999Z", "9999-12-31 23:59:59"],
    ["2024-06-01T02:30:00+02:00", "2024-06-01 00:30:00"],
  ])("%s → %s (UTC, milliseconds dropped)", (iso, text) => {
    expect(toFaxTime(new Date(iso))).toBe(text);
  });

  it("writes what parseFaxTime reads back to the same second", () => {
    for (const ms of [0, 1_700_000_000_123, -86_400_000, Date.UTC(2000, 1, 29, 12)])
      expect(parseFaxTime(toFaxTime(new Date(ms)))).toBe(Math.floor(ms / 1000));
  });

  it.each([
    [new Date(Number.NaN), "date must be a valid Date from year 0 to 9999 (got Invalid Date)"],
    [new Date("+010000-01-01T00:00:00Z"), "date must be a valid Date from year 0 to 9999 (got +010000-01-01T00:00:00.000Z)"],
    [new Date("-000001-12-31T23:59:59Z"), "date must be a valid Date from year 0 to 9999 (got -000001-12-31T23:59:59.000Z)"],
    ["2024-01-01 00:00:00", "date must be a valid Date from year 0 to 9999 (got string)"],
  ])("refuses %s with a TypeError", (value, message) => {
    expect(() => toFaxTime(value as Date)).toThrow(new TypeError(message));
  });

  it("names the argument it was given", () => {
    expect(() => toFaxTime(new Date(Number.NaN), 'faxes.list: "after"')).toThrow('faxes.list: "after" must be a valid Date');
  });
});

describe("withFaxTimes", () => {
  it("writes Dates in after / before and leaves everything else as it is", () => {
    const args = { category: "sent", after: new Date("2024-03-10T12:00:00.500Z"), before: "2024-03-11 00:00:00", limit: 5 };
    expect(withFaxTimes(args, "faxes.list")).toEqual({ ...args, after: "2024-03-10 12:00:00" });
    expect(args.after).toBeInstanceOf(Date); // the caller's object is not changed
    expect(withFaxTimes({ after: "yesterday" }, "faxes.list")).toEqual({ after: "yesterday" }); // left to the API
  });

  it("names the method and the argument of an invalid Date", () => {
    expect(() => withFaxTimes({ before: new Date("nope") }, "faxes.list")).toThrow(
      new TypeError('faxes.list: "before" must be a valid Date from year 0 to 9999 (got Invalid Date)'),
    );
  });
});
