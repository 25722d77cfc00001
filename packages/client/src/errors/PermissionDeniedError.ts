import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/**
 * A `403 Forbidden`: valid credentials without the scope or role for this call.
 *
 * @example
 * ```ts
 * if (error instanceof PermissionDeniedError) console.error("ask an account admin:", error.description);
 * ```
 */
export class PermissionDeniedError extends FaxPlusError {
  override readonly name = "PermissionDeniedError";

  constructor(message: string, init: FaxPlusErrorInit = {}) {
    super(message, { ...init, status: init.status ?? 403 });
  }
}
