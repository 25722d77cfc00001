import { type OpenAPIOverlayAction, openapiOverlay } from "openapi-format";
import { CodegenError } from "../errors/CodegenError.js";
import { readSourceDocument } from "../load/source-document.js";
import { readOverlayDocument } from "./overlay-document.js";

/**
 * Applies Overlay 1.0 documents to an OpenAPI document, in order (Overlay Specification
 * 1.0.0, §4.4 "Applying an Overlay"). JSONPath targeting and the update/remove semantics
 * come from openapi-format's maintained implementation; this module adds what a
 * generator needs on top: strict checking of the overlay files and a hard error for
 * any action whose target matches nothing, so that a refinement can never be dropped
 * silently when the vendor spec changes under it.
 *
 * The input document is not modified; a new one is returned.
 */
export async function applyOverlays(document: unknown, overlayFiles: readonly string[]): Promise<unknown> {
  let current: unknown = structuredClone(document);
  for (const path of overlayFiles) {
    const source = await readSourceDocument(path);
    const overlay = readOverlayDocument(source);
    for (const [index, action] of overlay.actions.entries()) {
      // One action at a time, so that "matched nothing" is known per action.
      const { data, resultData } = await openapiOverlay(current as Record<string, unknown>, {
        overlaySet: { overlay: overlay.overlay, info: overlay.info, actions: [structuredClone(action) as OpenAPIOverlayAction] },
      });
      if ((resultData.totalUnusedActions as number) > 0) {
        throw new CodegenError(
          "OVERLAY_TARGET_UNMATCHED",
          `overlay action #${index + 1} targets ${action.target}, which matches nothing in the spec${
            action.description ? ` (${action.description})` : ""
          }. The spec may have changed under the overlay: fix the target or remove the action.`,
          source.locate(`/actions/${index}/target`),
        );
      }
      current = data;
    }
  }
  return current;
}
