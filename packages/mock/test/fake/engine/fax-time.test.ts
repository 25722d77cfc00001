import { describe, expect, it } from "vitest";
import { formatSendTime, parseFaxTimeSeconds, parseSendTime } from "../../../src/fake/engine/fax-time.js";

describe("Fax.Plus times", () => {
  it("reads YYYY-MM-DD HH:MM:SS as UTC seconds", () => {
    expect(parseFaxTimeSeconds("2024-01-31 23:59:59")).toBe(Date.UTC(2024, 0, 31, 23, 59, 59) / 1000);
  });

  it.each(["2024-02-30 00:00:00", "2024-1-1 00:00:00", "0099-01-01 00:00:00", "", 5])("refuses %j", (text) => {
    expect(parseFaxTimeSeconds(text)).toBeUndefined();
  });

  it("reads send_time with its zone offset", () => {
    expect(parseSendTime("2024-09-10 10:00:00 +0200")).toBe(Date.UTC(2024, 8, 10, 8, 0, 0));
    expect(parseSendTime("2024-09-10 10:00:00 -0130")).toBe(Date.UTC(2024, 8, 10, 11, 30, 0));
    expect(parseSendTime("2024-09-10 10:00:00 +0200 trailing")).toBeUndefined();
    expect(parseSendTime("2024-09-10 10:00:00")).toBeUndefined();
  });

  it("writes send_time in UTC and reads it back", () => {
    const ms = Date.UTC(2026, 0, 15, 9, 30, 0);
    expect(formatSendTime(ms)).toBe("2026-01-15 09:30:00 +0000");
    expect(parseSendTime(formatSendTime(ms))).toBe(ms);
  });
});
