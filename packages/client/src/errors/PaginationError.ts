import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus where paging stopped. */
export interface PaginationErrorInit extends FaxPlusErrorInit {
  /** The second (`YYYY-MM-DD HH:mm:ss`, UTC) at which paging could not go on, when there is one. */
  boundary?: string;
}

/**
 * Thrown by `fax.faxes.listAll` when it cannot go on without risking skipped or repeated
 * faxes, AFTER yielding every fax it could list completely. The API pages by time with
 * one-second resolution and at most 50 records per request, so it happens when 50 or more
 * faxes share one second (`boundary`), when a full page has no record with a usable
 * `start_time`, or when a response is not the list the API documents. `status` is `undefined`:
 * every request succeeded.
 *
 * @example
 * ```ts
 * try {
 *   for await (const record of fax.faxes.listAll({ category: "inbox" })) await archive(record);
 * } catch (error) {
 *   // Everything newer than `boundary` was listed; resume below that second (its remaining faxes cannot be listed).
 *   if (error instanceof PaginationError && error.boundary) console.warn(error.message, "resume with before:", error.boundary);
 *   else throw error;
 * }
 * ```
 */
export class PaginationError extends FaxPlusError {
  override readonly name = "PaginationError";
  /** The second (`YYYY-MM-DD HH:mm:ss`, UTC) at which paging stopped, or `undefined` when it was not a crowded second. */
  declare readonly boundary: string | undefined;

  constructor(message: string, init: PaginationErrorInit = {}) {
    super(message, init); // the base class reads only its own fields
    this.boundary = init.boundary;
  }
}
