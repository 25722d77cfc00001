import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus the limit that was exceeded, in ms. */
export interface TimeoutErrorInit extends FaxPlusErrorInit {
  /** The limit that was exceeded, in ms. */
  timeoutMs: number;
}

/**
 * An attempt outlived its timeout (and no retry succeeded), a body stalled, or the call's deadline passed.
 *
 * @example
 * ```ts
 * if (error instanceof TimeoutError) console.error(`no response within ${error.timeoutMs} ms`);
 * ```
 */
export class TimeoutError extends FaxPlusError {
  override readonly name = "TimeoutError";
  /** The limit that was exceeded, in ms. */
  declare readonly timeoutMs: number;

  constructor(message: string, init: TimeoutErrorInit) {
    super(message, init); // the base class reads only its own fields
    this.timeoutMs = init.timeoutMs;
  }
}
