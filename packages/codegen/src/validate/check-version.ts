import { CodegenError } from "../errors/CodegenError.js";
import type { SourceDocument } from "../load/source-document.js";
import type { JsonObject } from "../model/operations.js";

/** OpenAPI versions the generator accepts: the 3.0 line (OpenAPI 3.0.3, §4.7.1 `openapi`). */
export const SUPPORTED_OPENAPI = /^3\.0\.\d+$/;

/** Rejects Swagger 2.0, OpenAPI 3.1+ and anything that is not an OpenAPI document at all. */
export function checkVersion(document: JsonObject, source: SourceDocument): void {
  const declared = document.openapi ?? document.swagger;
  if (declared === undefined)
    throw new CodegenError(
      "INVALID_DOCUMENT",
      "this is not an OpenAPI document: the top-level `openapi` field is missing.",
      source.locate(""),
    );
  if (typeof declared !== "string" || !SUPPORTED_OPENAPI.test(declared)) {
    const field = document.openapi !== undefined ? "openapi" : "swagger";
    throw new CodegenError(
      "UNSUPPORTED_VERSION",
      `OpenAPI version ${JSON.stringify(declared)} is not supported; this generator reads OpenAPI 3.0.x documents (convert ${field} ${String(declared)} to 3.0 first).`,
      source.locate(`/${field}`),
    );
  }
}
