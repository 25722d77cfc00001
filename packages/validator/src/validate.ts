/**
 * `@faxkit/validator/validate`: the same functions as the root's `validate` namespace, as plain
 * named exports of their own module, so every bundler keeps only the schemas you use.
 *
 * @example
 * ```ts
 * import * as validate from "@faxkit/validator/validate";
 * validate.BulkFaxUpdateRequest(body);
 * ```
 *
 * @module @faxkit/validator/validate
 */
export * from "./generated/validate.js";
