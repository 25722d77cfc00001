import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/**
 * Thrown for a `401 Unauthorized`: the access token is missing, invalid or expired.
 * `status` defaults to `401`.
 *
 * @example
 * ```ts
 * try {
 *   await client.GET("/accounts/{user_id}", { params: { path: { user_id: "self" } } });
 * } catch (error) {
 *   if (error instanceof AuthenticationError) await refreshAccessToken();
 * }
 * ```
 */
export class AuthenticationError extends FaxPlusError {
  override readonly name = "AuthenticationError";

  constructor(message: string, init: FaxPlusErrorInit = {}) {
    super(message, { ...init, status: init.status ?? 401 });
  }
}
