import { FaxPlusError } from "./FaxPlusError.js";

/**
 * A `409 Conflict` with the current state of the resource.
 *
 * @example
 * ```ts
 * if (error instanceof ConflictError) console.warn("webhook already exists");
 * ```
 */
export class ConflictError extends FaxPlusError {
  override readonly name = "ConflictError";
  static override readonly status = 409;
}
