import openapiTS, { astToString } from "openapi-typescript";
import { CodegenError } from "../errors/CodegenError.js";
import type { JsonObject } from "../model/operations.js";
import { rewriteAtLeastOneOf } from "./at-least-one-of.js";
import { type Provenance, tsBanner } from "./banner.js";
import { findRejectedName, refuseEmptyComponentNames } from "./openapi-typescript-names.js";
import { quoteSchemaComments } from "./schema-comments.js";
import { describeTopLevel } from "./top-level-comments.js";

/** openapi-typescript options the project relies on; pinned here so output never drifts. */
export const OPENAPI_TS_OPTIONS = {
  silent: true,
  // A `default` says what the server assumes when a field is omitted; in a request body
  // the field must stay optional, so defaults must not make properties required.
  defaultNonNullable: false,
} as const;

/**
 * `schema.ts`: `paths`, `webhooks`, `components`, `operations` as produced by
 * openapi-typescript, under our banner. Takes ownership of `document` (it is rewritten
 * for the types and handed to openapi-typescript, which may modify it).
 */
export async function emitSchemaTypes(document: JsonObject, provenance: Provenance, specFile: string): Promise<string> {
  refuseEmptyComponentNames(document, specFile);
  rewriteAtLeastOneOf(document);
  let body: string;
  try {
    const ast = await openapiTS(document as never, OPENAPI_TS_OPTIONS);
    describeTopLevel(ast);
    quoteSchemaComments(ast);
    body = astToString(ast);
  } catch (error) {
    // Some names are valid JSON but break openapi-typescript: say which one, and where.
    const rejected = findRejectedName(document);
    if (rejected !== undefined)
      throw new CodegenError("EMIT_FAILED", `openapi-typescript cannot handle ${rejected.why}; rename it.`, {
        file: specFile,
        pointer: rejected.pointer,
      });
    const reason = String((error as Error)?.message ?? error)
      .replace(/\s+/g, " ")
      .trim();
    throw new CodegenError("EMIT_FAILED", `openapi-typescript could not turn the spec into types: ${reason}`, { file: specFile });
  }
  return `${tsBanner(provenance, "TypeScript types of the API: paths, components, operations, webhooks.")}\n${body}`;
}
