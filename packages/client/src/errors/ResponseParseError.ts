import { FaxPlusError } from "./FaxPlusError.js";

/**
 * Thrown by the resource API when a successful (2xx) response has a body that is not valid
 * JSON — truncated by a proxy, or an HTML page answered with 200. `status` is the response's;
 * `rawBody` holds the text (scrubbed and truncated), so nothing the server said is lost.
 *
 * @example
 * ```ts
 * try {
 *   await fax.faxes.list();
 * } catch (error) {
 *   if (error instanceof ResponseParseError) console.error(error.status, error.rawBody?.slice(0, 80));
 * }
 * ```
 */
export class ResponseParseError extends FaxPlusError {
  override readonly name = "ResponseParseError";
}
