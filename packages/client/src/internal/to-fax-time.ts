// Apart from fax-time.ts, and small: the main entry carries it (faxes.list takes a Date); fax-time.ts writes through it.

/**
 * A `Date` written as the API writes times: `YYYY-MM-DD HH:mm:ss`, UTC, milliseconds dropped.
 * Anything but a valid `Date` from year 0 to 9999 is a `TypeError` naming `name`.
 *
 * @example
 * ```ts
 * toFaxTime(new Date("2024-01-31T23:59:59.750Z")); // "2024-01-31 23:59:59"
 * await fax.faxes.list({ after: toFaxTime(new Date(Date.now() - 86_400_000)) });
 * ```
 */
export function toFaxTime(date: Date, name = "date"): string {
  // NaN and years before 0 fail the comparison; years past 9999 are written with 6 digits and a sign (27 characters).
  const iso = date instanceof Date && date.getTime() >= -62167219200000 ? date.toISOString() : "";
  if (iso.length !== 24) throw new TypeError(`${name} must be a valid Date from year 0 to 9999 (got ${shownDate(date)})`);
  return iso.slice(0, 19).replace("T", " ");
}

function shownDate(date: unknown): string {
  if (!(date instanceof Date)) return typeof date;
  return Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString();
}

/** A copy of the arguments with a `Date` in `after` / `before` written by {@link toFaxTime}; the rest is left to the API. */
export function withFaxTimes<T>(args: T, method: string): T {
  const copy: Record<string, unknown> = { ...(args as object) };
  for (const name of ["after", "before"])
    if (copy[name] instanceof Date) copy[name] = toFaxTime(copy[name] as Date, `${method}: "${name}"`);
  return copy as T;
}
