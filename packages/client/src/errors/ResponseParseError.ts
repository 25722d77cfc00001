import { FaxPlusError } from "./FaxPlusError.js";

/**
 * A 2xx whose body is not JSON (cut by a proxy, an HTML page); `rawBody` keeps what the server said.
 *
 * @example
 * ```ts
 * if (error instanceof ResponseParseError) console.error(error.status, error.rawBody?.slice(0, 80));
 * ```
 */
export class ResponseParseError extends FaxPlusError {
  override readonly name = "ResponseParseError";
}
