import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/**
 * Thrown for a `400 Bad Request`: the API rejected the request as malformed or invalid (e.g. `invalid_user_id`).
 * `status` defaults to `400`.
 *
 * @example
 * ```ts
 * try {
 *   await client.PUT("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, body });
 * } catch (error) {
 *   if (error instanceof BadRequestError) console.error(`${error.code}: ${error.description}`);
 * }
 * ```
 */
export class BadRequestError extends FaxPlusError {
  override readonly name = "BadRequestError";

  constructor(message: string, init: FaxPlusErrorInit = {}) {
    super(message, { ...init, status: init.status ?? 400 });
  }
}
