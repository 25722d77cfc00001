import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/**
 * Thrown for a `404 Not Found`: the fax, number, member or webhook does not exist (or is not visible to you).
 * `status` defaults to `404`.
 *
 * @example
 * ```ts
 * const fax = await client.GET("/accounts/{user_id}/faxes/{fax_id}", { params: { path: { user_id: "self", fax_id } } }).catch((error: unknown) => {
 *   if (error instanceof NotFoundError) return undefined;
 *   throw error;
 * });
 * ```
 */
export class NotFoundError extends FaxPlusError {
  override readonly name = "NotFoundError";

  constructor(message: string, init: FaxPlusErrorInit = {}) {
    super(message, { ...init, status: init.status ?? 404 });
  }
}
