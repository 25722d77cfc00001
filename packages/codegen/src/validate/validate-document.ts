import { assertNestingDepth } from "../load/nesting-depth.js";
import type { SourceDocument } from "../load/source-document.js";
import type { JsonObject } from "../model/operations.js";
import { checkOperationIds } from "./check-operation-ids.js";
import { checkPathParameters } from "./check-path-parameters.js";
import { checkRefDepth } from "./check-ref-depth.js";
import { checkRefs } from "./check-refs.js";
import { checkStructure } from "./check-structure.js";
import { checkVersion } from "./check-version.js";

/**
 * Validates the document after overlays, in the order a reader would want to hear about
 * problems: is it OpenAPI 3.0 at all, is its skeleton sound, do its references resolve,
 * are its operations addressable (unique ids, path templates that match their path
 * parameters). Overlays may have deepened what loading measured, and `$ref`s deepen it
 * further, so both depths are bounded here before any stage recurses.
 * Throws the first `CodegenError`; positions come from the spec's source file.
 */
export function validateDocument(document: unknown, source: SourceDocument): asserts document is JsonObject {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    checkVersion({}, source);
  }
  const doc = document as JsonObject;
  assertNestingDepth(doc, source);
  checkVersion(doc, source);
  checkStructure(doc, source);
  checkRefs(doc, source);
  checkRefDepth(doc, source);
  checkOperationIds(doc, source);
  checkPathParameters(doc, source);
}
