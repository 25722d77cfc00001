import { FaxPlusError } from "./FaxPlusError.js";

/**
 * A `400 Bad Request`: the API refused the request as invalid (e.g. `invalid_user_id`).
 *
 * @example
 * ```ts
 * if (error instanceof BadRequestError) console.error(`${error.code}: ${error.description}`);
 * ```
 */
export class BadRequestError extends FaxPlusError {
  override readonly name = "BadRequestError";
  static override readonly status = 400;
}
