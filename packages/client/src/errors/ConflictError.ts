import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/**
 * Thrown for a `409 Conflict`: the request conflicts with the current state of the resource.
 * `status` defaults to `409`.
 *
 * @example
 * ```ts
 * try {
 *   await client.POST("/hooks", { body: { target_url, event: "fax_received" } });
 * } catch (error) {
 *   if (error instanceof ConflictError) console.warn("webhook already exists");
 * }
 * ```
 */
export class ConflictError extends FaxPlusError {
  override readonly name = "ConflictError";

  constructor(message: string, init: FaxPlusErrorInit = {}) {
    super(message, { ...init, status: init.status ?? 409 });
  }
}
