import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus the timeout that was exceeded. */
export interface TimeoutErrorInit extends FaxPlusErrorInit {
  /** The per-attempt timeout that was exceeded, in milliseconds. */
  timeoutMs: number;
}

/**
 * Thrown when an attempt took longer than its timeout (and no retry succeeded). `status` is
 * `undefined`; `timeoutMs` is the limit that was exceeded.
 *
 * @example
 * ```ts
 * try {
 *   await client.GET("/accounts/{user_id}/files/{fax_id}", { params: { path: { user_id: "self", fax_id } } });
 * } catch (error) {
 *   if (error instanceof TimeoutError) console.error(`no response within ${error.timeoutMs} ms`);
 * }
 * ```
 */
export class TimeoutError extends FaxPlusError {
  override readonly name = "TimeoutError";
  /** The per-attempt timeout that was exceeded, in milliseconds. */
  declare readonly timeoutMs: number;

  constructor(message: string, init: TimeoutErrorInit) {
    super(message, init); // the base class reads only its own fields
    this.timeoutMs = init.timeoutMs;
  }
}
