import { FaxPlusError } from "./FaxPlusError.js";

/**
 * Thrown when no response arrived because of a network failure (DNS, refused or reset connection, TLS). `status` is `undefined`; the network error is the `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await client.GET("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } } });
 * } catch (error) {
 *   if (error instanceof ConnectionError) console.error("network problem:", error.cause);
 * }
 * ```
 */
export class ConnectionError extends FaxPlusError {
  override readonly name = "ConnectionError";
}
