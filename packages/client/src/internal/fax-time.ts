/** The API's time format (always UTC), as named in its docs and in error messages. */
export const FAX_TIME_FORMAT = "YYYY-MM-DD HH:mm:ss";

const FAX_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Seconds since the Unix epoch of a Fax.Plus time (`YYYY-MM-DD HH:mm:ss`, UTC), or `undefined`
 * when `value` is not a string in exactly that format or names no real instant (month 13,
 * February 30, hour 24, …). Years 0000–9999.
 *
 * @example
 * ```ts
 * parseFaxTime("1970-01-01 00:01:00"); // 60
 * parseFaxTime("2024-02-30 00:00:00"); // undefined
 * parseFaxTime("2024-01-01T00:00:00Z"); // undefined
 * ```
 */
export function parseFaxTime(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = FAX_TIME.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC: it maps years 0–99 to 1900–1999
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime() / 1000;
}

/**
 * Formats seconds since the Unix epoch as a Fax.Plus time, `YYYY-MM-DD HH:mm:ss` (UTC).
 * A `RangeError` when `seconds` is not an integer or falls outside years 0000–9999.
 *
 * @example
 * ```ts
 * formatFaxTime(60); // "1970-01-01 00:01:00"
 * ```
 */
export function formatFaxTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  if (!Number.isInteger(seconds) || Number.isNaN(date.getTime()) || year < 0 || year > 9999)
    throw new RangeError(`${seconds} s since the epoch cannot be written as ${FAX_TIME_FORMAT}`);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}
