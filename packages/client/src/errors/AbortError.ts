import { FaxPlusError } from "./FaxPlusError.js";

/**
 * Thrown when the caller's `AbortSignal` fired. `status` is `undefined`; the signal's `reason` is the `cause`. Not retried.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 1000);
 * try {
 *   await client.GET("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, signal: controller.signal });
 * } catch (error) {
 *   if (error instanceof AbortError) console.log("cancelled");
 * }
 * ```
 */
export class AbortError extends FaxPlusError {
  override readonly name = "AbortError";
}
