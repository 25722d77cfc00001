/**
 * `@faxkit/validator` — precompiled validators for every schema and operation of the
 * Fax.Plus REST API v3. Nothing is compiled at run time (no `eval`, no `new Function`),
 * so they run under a strict Content-Security-Policy; each schema's validator is its own
 * module, so a bundle keeps only the ones it uses.
 *
 * @example
 * ```ts
 * import { validate, is, assert, validateRequest } from "@faxkit/validator";
 *
 * const result = validate.BulkFaxUpdateRequest({ ids: ["a1b2"], is_read: false });
 * if (is.Fax(data)) console.log(data.id);
 * assert.FaxList(response); // throws FaxValidationError with every issue
 * ```
 *
 * @module @faxkit/validator
 */

export { FaxValidationError, type ValidationSubject } from "./errors/FaxValidationError.js";
/**
 * `assert.<Schema>(value)`: an assertion function; throws `FaxValidationError` carrying every issue.
 *
 * @example
 * ```ts
 * assert.Fax(value); // value is Fax from here on
 * ```
 */
export * as assert from "./generated/assert.js";
/**
 * `is.<Schema>(value)`: a type guard.
 *
 * @example
 * ```ts
 * if (is.Fax(value)) value.id; // typed as Fax
 * ```
 */
export * as is from "./generated/is.js";
/**
 * The same functions under flat names: `validateFax`, `isFax`, `assertFax`, … A named import of
 * one keeps only that validator in any bundler; esbuild keeps every member of the `validate`,
 * `is` and `assert` namespaces above once one is used (evanw/esbuild#1420; Rollup and
 * Rolldown do not).
 *
 * @example
 * ```ts
 * import { validateBulkFaxUpdateRequest } from "@faxkit/validator";
 * const result = validateBulkFaxUpdateRequest(body);
 * ```
 */
export * from "./generated/named.js";
/**
 * `validate.<Schema>(value)` → `{ ok: true, value }` or `{ ok: false, issues }` with every issue.
 *
 * @example
 * ```ts
 * const result = validate.BulkFaxUpdateRequest({ ids: Array(101).fill("a"), is_read: true });
 * // result.issues[0].message === "/ids: must have at most 100 items (got 101)"
 * ```
 */
export * as validate from "./generated/validate.js";
export type { DriftReport, ValidationIssue, ValidationResult } from "./internal/runtime.js";
export {
  type DriftContext,
  type ValidationMiddleware,
  type ValidationMiddlewareOptions,
  validationMiddleware,
} from "./middleware.js";
export { type OperationValidationResult, type RequestParts, validateRequest } from "./validate-request.js";
export { type ResponseValidationOptions, type ResponseValidationResult, validateResponse } from "./validate-response.js";
