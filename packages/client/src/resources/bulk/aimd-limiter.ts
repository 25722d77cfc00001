/** Longest pause a `Retry-After` may impose, in ms (the transport's own cap). */
export const MAX_PAUSE_MS = 60_000;

/**
 * How many chunks may be in flight, adapted to a rate limit: additive increase (each success
 * adds `1/limit`, so about +1 per round of requests, up to `max`), multiplicative decrease (a
 * 429 halves it, floor 1) plus a pause of the `Retry-After` for every new start. Several 429s
 * from one overload halve once: only a request started since the last halving can halve again.
 * A halving also lowers the ceiling to one below the level that was refused: a rate limit does
 * not loosen within one run, and probing it again would cost a wave of 429s each time.
 * Starts are spread over the round trip (one per `latency / limit`): requests begun together
 * would reach a drained rate limit together, and all be refused before the first 429 is heard.
 */
export class AimdLimiter {
  private value: number;
  private pausedUntil = 0;
  private halvings = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  /** Smoothed time from send to answer, in ms; unknown until the first success. */
  private latency: number | undefined;

  constructor(
    start: number,
    private max: number,
  ) {
    if (!Number.isInteger(start) || start < 1 || !Number.isInteger(max) || max < start)
      throw new RangeError(`AIMD limits must be integers with 1 <= start <= max (got ${start}, ${max})`);
    this.value = start;
  }

  /** Chunks allowed in flight now. */
  limit(): number {
    return Math.floor(this.value);
  }

  /** A ticket to hand back to {@link rateLimited}: which overload a request belongs to. */
  generation(): number {
    return this.halvings;
  }

  /** A request answered after `latencyMs` (omitted: not timed). */
  succeeded(latencyMs?: number): void {
    this.value = Math.min(this.max, this.value + 1 / this.value);
    if (latencyMs !== undefined && Number.isFinite(latencyMs) && latencyMs >= 0)
      this.latency = this.latency === undefined ? latencyMs : 0.8 * this.latency + 0.2 * latencyMs;
  }

  started(now: number): void {
    this.lastStart = now;
  }

  rateLimited(generation: number, retryAfterMs: number, now: number): void {
    const pause = Math.min(Math.max(0, retryAfterMs), MAX_PAUSE_MS);
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
    if (generation !== this.halvings) return;
    this.max = Math.max(1, Math.min(this.max, Math.floor(this.value) - 1));
    this.value = Math.max(1, this.value / 2);
    this.halvings++;
  }

  /** How long the next start must wait, in ms: for a `Retry-After`, or its turn in the round trip. */
  delayMs(now: number): number {
    const spacing = this.latency === undefined ? 0 : this.lastStart + this.latency / this.limit() - now;
    return Math.max(0, this.pausedUntil - now, spacing);
  }
}
