/** Seconds from delta-seconds or an HTTP date (a past date gives 0); `undefined` when unreadable. */
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
