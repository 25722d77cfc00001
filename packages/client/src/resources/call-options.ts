/**
 * Per-call options of every resource method (the second argument).
 *
 * @example
 * ```ts
 * await fax.faxes.get({ fax_id }, { timeout: 5_000, signal: AbortSignal.timeout(20_000) });
 * await fax.outbox.send(payload, { retry: true }); // only if a duplicate fax is acceptable
 * ```
 */
export interface CallOptions {
  /** Cancels the call at once; never retried. */
  signal?: AbortSignal;
  /** Timeout of each attempt for this call, in ms (overrides the client's `timeout`). */
  timeout?: number;
  /** Retries for this call (overrides the client's `maxRetries`). */
  maxRetries?: number;
  /**
   * Longest this call may take in all, in ms — attempts, waits, reading the body (overrides the
   * client's `deadline`; `Infinity` for none). `bulkUpdateAll` and `listAll` apply it to each request.
   */
  deadline?: number;
  /** Largest response body this call reads, in bytes (overrides the client's `maxResponseBytes`). */
  maxResponseBytes?: number;
  /**
   * Also retry this call when its method is not idempotent (POST). Off by default: a retried
   * POST that reached the server once sends a second fax or invitation.
   */
  retry?: boolean;
  /** Extra request headers for this call (credentials are set by the client and cannot be replaced here). */
  headers?: Record<string, string>;
}
