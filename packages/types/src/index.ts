/**
 * `@faxkit/types` — the Fax.Plus REST API v3 as TypeScript: `paths`, `components` and
 * `operations` (openapi-typescript), a named alias per schema (`Fax`, `BulkFaxUpdateRequest`,
 * …), the runtime operation table and the client's resource map, and the hand-written
 * `OperationMeta` and `OperationCall` interfaces those tables satisfy. Everything under
 * `./generated` is written by @faxkit/codegen; this file only chooses what is public.
 *
 * @example
 * ```ts
 * import { type BulkFaxUpdateRequest, operations, specInfo } from "@faxkit/types";
 * const body: BulkFaxUpdateRequest = { ids: ["a1b2c3"], is_read: true };
 * console.log(specInfo.version, operations.bulkUpdateFaxes.path);
 * ```
 *
 * @module @faxkit/types
 */
export type * from "./generated/aliases.js";
export { type OperationId, operationIds, operations } from "./generated/operations.js";
export { operationCalls, type Resources, resources } from "./generated/resources.js";
export type { $defs, components, operations as OperationTypes, paths, webhooks } from "./generated/schema.js";
export { specInfo } from "./generated/spec-info.js";
export type { OperationCall } from "./operation-call.js";
export type { OperationMeta } from "./operation-meta.js";
