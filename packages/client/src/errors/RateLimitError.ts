import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus the parsed `Retry-After`. */
export interface RateLimitErrorInit extends FaxPlusErrorInit {
  /** Seconds to wait before retrying, from the `Retry-After` header. */
  retryAfter?: number;
}

/**
 * Thrown for a `429 Too Many Requests`. `retryAfter` is how many SECONDS the API asked to wait
 * (from `Retry-After`, as delta-seconds or an HTTP date), or `undefined` when it did not say.
 * `status` defaults to `429`.
 *
 * @example
 * ```ts
 * try {
 *   await client.GET("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } } });
 * } catch (error) {
 *   if (error instanceof RateLimitError) await sleep((error.retryAfter ?? 1) * 1000);
 * }
 * ```
 */
export class RateLimitError extends FaxPlusError {
  override readonly name = "RateLimitError";
  /** Seconds to wait before retrying, or `undefined` when the response had no usable `Retry-After`. */
  declare readonly retryAfter: number | undefined;

  constructor(message: string, init: RateLimitErrorInit = {}) {
    super(message, { ...init, status: init.status ?? 429 }); // the base class reads only its own fields
    this.retryAfter = init.retryAfter;
  }
}
