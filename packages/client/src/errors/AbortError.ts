import { FaxPlusError } from "./FaxPlusError.js";

/**
 * The caller's `AbortSignal` fired (its `reason` is the `cause`). Never retried.
 *
 * @example
 * ```ts
 * if (error instanceof AbortError) console.log("cancelled");
 * ```
 */
export class AbortError extends FaxPlusError {
  override readonly name = "AbortError";
}
