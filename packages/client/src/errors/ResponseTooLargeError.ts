import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus the `maxResponseBytes` that was exceeded. */
export interface ResponseTooLargeErrorInit extends FaxPlusErrorInit {
  /** The limit the body went past, in bytes. */
  maxBytes: number;
}

/**
 * A body over `maxResponseBytes`, by `Content-Length` or while streaming; nothing more is read. Never retried.
 *
 * @example
 * ```ts
 * if (error instanceof ResponseTooLargeError) console.error(`answer over ${error.maxBytes} bytes`);
 * ```
 */
export class ResponseTooLargeError extends FaxPlusError {
  override readonly name = "ResponseTooLargeError";
  /** The limit the body went past, in bytes (`maxResponseBytes`). */
  declare readonly maxBytes: number;

  constructor(message: string, init: ResponseTooLargeErrorInit) {
    super(message, init); // the base class reads only its own fields
    this.maxBytes = init.maxBytes;
  }
}
