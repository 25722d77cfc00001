import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/**
 * Thrown for a `403 Forbidden`: the credentials are valid but lack the scope or role for this call.
 * `status` defaults to `403`.
 *
 * @example
 * ```ts
 * try {
 *   await client.POST("/accounts/self/member-invitations", { body });
 * } catch (error) {
 *   if (error instanceof PermissionDeniedError) console.error("ask an account admin:", error.description);
 * }
 * ```
 */
export class PermissionDeniedError extends FaxPlusError {
  override readonly name = "PermissionDeniedError";

  constructor(message: string, init: FaxPlusErrorInit = {}) {
    super(message, { ...init, status: init.status ?? 403 });
  }
}
