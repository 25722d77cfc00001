import { redactLocation } from "../internal/redact.js";
import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus where the server pointed. */
export interface RedirectErrorInit extends FaxPlusErrorInit {
  /** The `Location` header as received; stored without credentials, query string or fragment. */
  location?: string;
}

/**
 * Thrown when the server answered with a redirect (any 3xx, or a browser's opaque redirect).
 * The client never follows one: a redirect to another host would receive
 * the credentials and the request body, and its answer would pass for the API's. `status` is
 * the redirect status (`0` for an opaque redirect); `location` is where it pointed, redacted.
 *
 * @example
 * ```ts
 * try {
 *   await fax.accounts.get();
 * } catch (error) {
 *   if (error instanceof RedirectError) console.error(`moved (${error.status}) to ${error.location}: check baseUrl`);
 * }
 * ```
 */
export class RedirectError extends FaxPlusError {
  override readonly name = "RedirectError";
  /** The redirect's target without credentials, query string or fragment; `undefined` when it named none (or is hidden, in browsers). */
  declare readonly location: string | undefined;

  constructor(message: string, init: RedirectErrorInit = {}) {
    super(message, init); // the base class reads only its own fields
    this.location = init.location && redactLocation(init.location, init.secrets);
  }
}
