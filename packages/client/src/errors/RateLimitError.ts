import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus the parsed `Retry-After`, in seconds. */
export interface RateLimitErrorInit extends FaxPlusErrorInit {
  /** Seconds to wait, from the response's `Retry-After`. */
  retryAfter?: number;
}

/**
 * A `429 Too Many Requests`; `retryAfter` is in SECONDS, from `Retry-After`.
 *
 * @example
 * ```ts
 * if (error instanceof RateLimitError) await sleep((error.retryAfter ?? 1) * 1000);
 * ```
 */
export class RateLimitError extends FaxPlusError {
  static override readonly status = 429;
  override readonly name = "RateLimitError";
  /** `undefined` when the response had no usable `Retry-After`. */
  declare readonly retryAfter: number | undefined;

  constructor(message: string, init: RateLimitErrorInit = {}) {
    super(message, init); // the base class reads only its own fields
    this.retryAfter = init.retryAfter;
  }
}
