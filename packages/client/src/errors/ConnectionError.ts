import { FaxPlusError } from "./FaxPlusError.js";

/**
 * No response arrived: DNS, a refused or reset connection, TLS. The network error is the `cause`.
 *
 * @example
 * ```ts
 * if (error instanceof ConnectionError) console.error("network problem:", error.cause);
 * ```
 */
export class ConnectionError extends FaxPlusError {
  override readonly name = "ConnectionError";
}
