import { FaxPlusError } from "./FaxPlusError.js";

/**
 * A `404 Not Found`: the fax, number, member or webhook does not exist or is not visible to you.
 *
 * @example
 * ```ts
 * if (error instanceof NotFoundError) return undefined;
 * ```
 */
export class NotFoundError extends FaxPlusError {
  override readonly name = "NotFoundError";
  static override readonly status = 404;
}
