import { UsageError } from "./UsageError.js";

const API_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * `--since` as a `Date`: an ISO 8601 date (`2026-01-31`), date-time (`2026-01-31T08:00:00+01:00`)
 * or the API's own `YYYY-MM-DD HH:mm:ss`, which is UTC. An ISO date-time without an offset is
 * read as UTC too, like the API's times (JavaScript would take the machine's zone).
 *
 * @example
 * ```ts
 * parseSince("2026-01-15 09:30:00").toISOString(); // "2026-01-15T09:30:00.000Z"
 * ```
 */
export function parseSince(value: string): Date {
  const text = value.trim();
  const api = API_TIME.exec(text);
  const iso = api ? `${text.replace(" ", "T")}Z` : ISO.test(text) ? withZone(text) : undefined;
  const date = iso === undefined ? undefined : new Date(iso);
  // Date would roll 2026-02-30 over to March; the round trip catches it.
  if (date === undefined || Number.isNaN(date.getTime()) || !sameDay(text, date))
    throw new UsageError(
      `--since must be an ISO date (2026-01-31, 2026-01-31T08:00:00Z) or the API's "YYYY-MM-DD HH:mm:ss" (UTC); got ${JSON.stringify(value.slice(0, 40))}`,
    );
  return date;
}

function withZone(text: string): string {
  const zoned = ISO.exec(text)?.[1] !== undefined;
  return zoned || !text.includes("T") ? text : `${text}Z`;
}

function sameDay(text: string, date: Date): boolean {
  const day = text.slice(0, 10);
  if (/[+-]\d{2}:\d{2}$/.test(text)) return true; // another zone's day may differ from UTC's
  return date.toISOString().slice(0, 10) === day;
}
