import { toFaxTime } from "./to-fax-time.js";

/** Always UTC; named so in the API's docs and error messages. */
export const FAX_TIME_FORMAT = "YYYY-MM-DD HH:mm:ss";

const FAX_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Epoch seconds; `undefined` for anything but that exact format naming a real instant (no February 30). */
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

export function formatFaxTime(seconds: number): string {
  const written = Number.isInteger(seconds) ? toFaxTimeOrUndefined(new Date(seconds * 1000)) : undefined;
  if (written === undefined) throw new RangeError(`${seconds} s since the epoch cannot be written as ${FAX_TIME_FORMAT}`);
  return written;
}

function toFaxTimeOrUndefined(date: Date): string | undefined {
  try {
    return toFaxTime(date);
  } catch {
    return undefined;
  }
}
