/**
 * `@faxkit/validator/errors`: the error class alone, for code that catches it without loading
 * any validator (the client's main entry re-exports it from here).
 *
 * @example
 * ```ts
 * import { FaxValidationError } from "@faxkit/validator/errors";
 * if (error instanceof FaxValidationError) console.error(error.issues);
 * ```
 *
 * @module @faxkit/validator/errors
 */
export { FaxValidationError, type ValidationSubject } from "./errors/FaxValidationError.js";
export type { ValidationIssue } from "./internal/runtime.js";
