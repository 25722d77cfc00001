import { FaxPlusError } from "./FaxPlusError.js";

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
  static override readonly status = 403;
}
