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
  /** Each attempt's timeout, in ms. */
  timeout?: number;
  maxRetries?: number;
  /** The whole call, in ms (`Infinity` for none); `bulkUpdateAll` and `listAll` apply it per request. */
  deadline?: number;
  maxResponseBytes?: number;
  /** Also retry a POST: off by default, as a POST that reached the server sends a second fax. */
  retry?: boolean;
  /** Credentials are set after these and cannot be replaced here. */
  headers?: Record<string, string>;
}
