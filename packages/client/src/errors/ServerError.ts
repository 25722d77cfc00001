import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/**
 * Thrown for any `5xx` response: the API or a gateway in front of it failed. The body is often
 * not JSON (an HTML gateway page), so look at `rawBody` when `code` is `undefined`.
 * `status` defaults to `500`.
 *
 * @example
 * ```ts
 * try {
 *   await client.POST("/accounts/{user_id}/outbox", { params: { path: { user_id: "self" } }, body });
 * } catch (error) {
 *   if (error instanceof ServerError) console.error(error.status, error.code ?? error.rawBody?.slice(0, 80));
 * }
 * ```
 */
export class ServerError extends FaxPlusError {
  override readonly name = "ServerError";

  constructor(message: string, init: FaxPlusErrorInit = {}) {
    super(message, { ...init, status: init.status ?? 500 });
  }
}
