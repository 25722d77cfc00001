import { jsonBanner, type Provenance } from "./banner.js";

/** Key of the vendor extension that marks the resolved spec as generated. */
export const GENERATED_EXTENSION = "x-faxkit-generated";

/**
 * The spec after overlays as pretty JSON: what the mock server and the tests read.
 * The provenance goes into a vendor extension right after `openapi` (OpenAPI 3.0.3,
 * §4.7.24 Specification Extensions), since JSON has no comments.
 */
export function emitResolvedSpec(document: Record<string, unknown>, provenance: Provenance): string {
  const { openapi, ...rest } = document;
  const output = { openapi, [GENERATED_EXTENSION]: jsonBanner(provenance), ...rest };
  return `${JSON.stringify(output, null, 2)}\n`;
}
