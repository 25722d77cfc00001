import { describe, expect, it } from "vitest";
import { FAX_TIME_FORMAT, formatFaxTime, parseFaxTime } from "../../src/internal/fax-time.js";

describe("parseFaxTime", () => {
  it.each([
    ["1970-01-01 00:00:00", 0],
    ["1970-01-01 00:01:00", 60],
    ["2020-03-27 11:29:21", Date.UTC(2020, 2, 27, 11, 29, 21) / 1000],
    ["2024-02-29 23:59:59", Date.UTC(2024, 1, 29, 23, 59, 59) / 1000],
    ["2000-02-29 12:00:00", Date.UTC(2000, 1, 29, 12) / 1000],
    ["1969-12-31 23:59:59", -1],
    ["9999-12-31 23:59:59", Date.UTC(9999, 11, 31, 23, 59, 59) / 1000],
  ])("%s → %i", (text, seconds) => {
    expect(parseFaxTime(text)).toBe(seconds);
  });

  it("reads years 0000–0099 as written (not as 19xx)", () => {
    const seconds = parseFaxTime("0050-06-01 00:00:00") as number;
    expect(new Date(seconds * 1000).getUTCFullYear()).toBe(50);
    expect(formatFaxTime(seconds)).toBe("0050-06-01 00:00:00");
  });

  it.each([
    ["month 13", "2024-13-01 00:00:00"],
    ["month 0", "2024-00-10 00:00:00"],
    ["day 0", "2024-01-00 00:00:00"],
    ["February 30", "2024-02-30 00:00:00"],
    ["February 29 of a common year", "2023-02-29 00:00:00"],
    ["February 29, 1900 (not a leap year)", "1900-02-29 00:00:00"],
    ["April 31", "2024-04-31 00:00:00"],
    ["hour 24", "2024-01-01 24:00:00"],
    ["minute 60", "2024-01-01 00:60:00"],
    ["second 60 (no leap seconds)", "2024-01-01 00:00:60"],
    ["ISO with T and Z", "2024-01-01T00:00:00Z"],
    ["ISO with T", "2024-01-01T00:00:00"],
    ["fractional seconds", "2024-01-01 00:00:00.000"],
    ["no seconds", "2024-01-01 00:00"],
    ["date only", "2024-01-01"],
    ["one-digit month", "2024-1-01 00:00:00"],
    ["leading space", " 2024-01-01 00:00:00"],
    ["trailing newline", "2024-01-01 00:00:00\n"],
    ["two spaces", "2024-01-01  00:00:00"],
    ["non-ASCII digits", "２０２４-01-01 00:00:00"],
    ["empty", ""],
  ])("rejects %s", (_name, text) => {
    expect(parseFaxTime(text)).toBeUndefined();
  });

  it.each([undefined, null, 0, 1_700_000_000, new Date(0), ["2024-01-01 00:00:00"]])("rejects a non-string (%j)", (value) => {
    expect(parseFaxTime(value)).toBeUndefined();
  });
});

describe("formatFaxTime", () => {
  it("writes YYYY-MM-DD HH:mm:ss with zero padding, in UTC", () => {
    expect(formatFaxTime(0)).toBe("1970-01-01 00:00:00");
    expect(formatFaxTime(Date.UTC(2024, 0, 2, 3, 4, 5) / 1000)).toBe("2024-01-02 03:04:05");
    expect(FAX_TIME_FORMAT).toBe("YYYY-MM-DD HH:mm:ss");
  });

  it("round-trips with parseFaxTime over a spread of instants", () => {
    for (let seconds = -62_000_000_000; seconds < 253_000_000_000; seconds += 987_654_321) {
      const text = formatFaxTime(seconds);
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(parseFaxTime(text)).toBe(seconds);
    }
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 253_402_300_800, -62_167_219_201])("throws RangeError for %s", (seconds) => {
    expect(() => formatFaxTime(seconds)).toThrow(RangeError);
  });
});

describe("one second later (how listAll turns an exclusive before into one that includes a second)", () => {
  it.each([
    ["2024-01-01 00:00:00", "2024-01-01 00:00:01"],
    ["2024-01-01 00:00:59", "2024-01-01 00:01:00"],
    ["2024-01-01 23:59:59", "2024-01-02 00:00:00"],
    ["2024-02-28 23:59:59", "2024-02-29 00:00:00"],
    ["2023-02-28 23:59:59", "2023-03-01 00:00:00"],
    ["2023-12-31 23:59:59", "2024-01-01 00:00:00"],
  ])("%s → %s", (time, next) => {
    expect(formatFaxTime((parseFaxTime(time) as number) + 1)).toBe(next);
  });

  it("has no second after the last one of year 9999", () => {
    expect(() => formatFaxTime((parseFaxTime("9999-12-31 23:59:59") as number) + 1)).toThrow(RangeError);
  });
});
