import type { RetryInfo } from "../internal/transport.js";

/**
 * Per-call options of every resource method (the second argument).
 *
 * @example
 * ```ts
 * await fax.faxes.get({ fax_id }, { timeout: 5_000, signal: AbortSignal.timeout(20_000) });
 * await fax.outbox.send(payload, { retry: false }); // not even after a 429
 * ```
 */
export interface CallOptions {
  /** Cancels the call at once; never retried. */
  signal?: AbortSignal;
  /** Each attempt's timeout, in ms. */
  timeout?: number;
  /** This call's {@link FaxPlusClientOptions.maxRetries}. */
  maxRetries?: number;
  /** The whole call, in ms (`Infinity` for none); `bulkUpdateAll` and `listAll` apply it per request. */
  deadline?: number;
  /** This call's {@link FaxPlusClientOptions.maxResponseBytes}. */
  maxResponseBytes?: number;
  /**
   * `false`: never retry this call. `true`: retry a POST on every retryable failure, as a GET
   * (only if a duplicate is acceptable: a POST that reached the server may send a second fax).
   * Left out, a POST is retried only when it was certainly not processed (429, connection refused).
   */
  retry?: boolean;
  /** Called before each retry of this call (after the client's `onRetry`). */
  onRetry?: (info: RetryInfo) => void;
  /** Credentials are set after these and cannot be replaced here. */
  headers?: Record<string, string>;
}
