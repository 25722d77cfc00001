/**
 * `@faxkit/validator/is`: the same functions as the root's `is` namespace, as plain
 * named exports of their own module, so every bundler keeps only the schemas you use.
 *
 * @example
 * ```ts
 * import * as is from "@faxkit/validator/is";
 * is.BulkFaxUpdateRequest(body);
 * ```
 *
 * @module @faxkit/validator/is
 */
export * from "./generated/is.js";
