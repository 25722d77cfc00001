import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus where paging stopped. */
export interface PaginationErrorInit extends FaxPlusErrorInit {
  /** The crowded second (`YYYY-MM-DD HH:mm:ss`, UTC) paging stopped at, if that was the reason. */
  boundary?: string;
}

/**
 * Thrown by `listAll` AFTER yielding every fax it could list completely, when going on would
 * risk skipped or repeated faxes: the API pages by the second, 50 at most, so 50 faxes in one
 * second (`boundary`) cannot be paged past; also for answers that are not the documented list.
 *
 * @example
 * ```ts
 * if (error instanceof PaginationError && error.boundary) console.warn("resume with before:", error.boundary);
 * ```
 */
export class PaginationError extends FaxPlusError {
  override readonly name = "PaginationError";
  /** The crowded second (`YYYY-MM-DD HH:mm:ss`, UTC) paging stopped at, if that was the reason. */
  declare readonly boundary: string | undefined;

  constructor(message: string, init: PaginationErrorInit = {}) {
    super(message, init); // the base class reads only its own fields
    this.boundary = init.boundary;
  }
}
