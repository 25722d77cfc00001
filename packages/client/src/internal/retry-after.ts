/**
 * Seconds to wait, from a `Retry-After` header value: delta-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`, relative to `now`; a date in the past gives `0`).
 * `undefined` when the header is absent or unparseable.
 *
 * @example
 * ```ts
 * parseRetryAfter("120"); // 120
 * parseRetryAfter(new Date(Date.now() + 30_000).toUTCString()); // 30 (or 29, 31 at a second boundary)
 * parseRetryAfter("soon"); // undefined
 * ```
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isFinite(seconds) ? seconds : undefined;
  }
  // An HTTP date starts with a day name (IMF-fixdate, RFC 850 and asctime alike); requiring it
  // keeps Date.parse's leniency ("-5", "1") out.
  if (!/^[A-Za-z]{3,9},?\s/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
