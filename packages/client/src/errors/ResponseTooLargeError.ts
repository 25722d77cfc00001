import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus the limit that was exceeded. */
export interface ResponseTooLargeErrorInit extends FaxPlusErrorInit {
  /** The `maxResponseBytes` limit that was exceeded. */
  maxBytes: number;
}

/**
 * Thrown when a response body is larger than `maxResponseBytes` (32 MiB unless set): by its
 * `Content-Length` before anything is read, or while it streams in. The connection is closed
 * and nothing more is read. `status` is the response's; `maxBytes` is the limit. Not retried.
 *
 * @example
 * ```ts
 * try {
 *   await fax.faxes.list({}, { maxResponseBytes: 1024 * 1024 });
 * } catch (error) {
 *   if (error instanceof ResponseTooLargeError) console.error(`answer over ${error.maxBytes} bytes`);
 * }
 * ```
 */
export class ResponseTooLargeError extends FaxPlusError {
  override readonly name = "ResponseTooLargeError";
  /** The `maxResponseBytes` limit that was exceeded, in bytes. */
  declare readonly maxBytes: number;

  constructor(message: string, init: ResponseTooLargeErrorInit) {
    super(message, init); // the base class reads only its own fields
    this.maxBytes = init.maxBytes;
  }
}
