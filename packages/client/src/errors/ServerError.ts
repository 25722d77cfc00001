import { FaxPlusError } from "./FaxPlusError.js";

/**
 * Any `5xx`. A gateway's body is often HTML: read `rawBody` when `code` is `undefined`.
 *
 * @example
 * ```ts
 * if (error instanceof ServerError) console.error(error.status, error.code ?? error.rawBody?.slice(0, 80));
 * ```
 */
export class ServerError extends FaxPlusError {
  override readonly name = "ServerError";
  static override readonly status = 500;
}
