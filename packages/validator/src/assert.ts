/**
 * `@faxkit/validator/assert`: the same functions as the root's `assert` namespace, as plain
 * named exports of their own module, so every bundler keeps only the schemas you use.
 *
 * @example
 * ```ts
 * import * as assert from "@faxkit/validator/assert";
 * assert.BulkFaxUpdateRequest(body);
 * ```
 *
 * @module @faxkit/validator/assert
 */
export * from "./generated/assert.js";
