import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus the `Location` as received (`redactedError` keeps it without credentials, query or fragment). */
export interface RedirectErrorInit extends FaxPlusErrorInit {
  /** Where the response pointed (`Location`), without credentials, query or fragment. */
  location?: string;
}

/**
 * A redirect, never followed: another host would receive the credentials and the body, and its
 * answer would pass for the API's. `location` is the target, redacted.
 *
 * @example
 * ```ts
 * if (error instanceof RedirectError) console.error(`moved to ${error.location}: check baseUrl`);
 * ```
 */
export class RedirectError extends FaxPlusError {
  override readonly name = "RedirectError";
  /** Without credentials, query or fragment; `undefined` when none was named (or a browser hid it). */
  declare readonly location: string | undefined;

  constructor(message: string, init: RedirectErrorInit = {}) {
    super(message, init); // the base class reads only its own fields
    this.location = init.location;
  }
}
