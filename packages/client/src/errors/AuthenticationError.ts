import { FaxPlusError } from "./FaxPlusError.js";

/**
 * A `401 Unauthorized`: the access token is missing, invalid or expired.
 *
 * @example
 * ```ts
 * if (error instanceof AuthenticationError) await refreshAccessToken();
 * ```
 */
export class AuthenticationError extends FaxPlusError {
  override readonly name = "AuthenticationError";
  static override readonly status = 401;
}
