import { CodegenError } from "../errors/CodegenError.js";
import { isObject, type JsonObject } from "../model/operations.js";
import { ChangeLog } from "./change-log.js";
import { diffComponents, diffDocument, diffOperations } from "./diff-document.js";
import type { SpecChange } from "./rules.js";
import { firstDifference } from "./same-json.js";

function asDocument(value: unknown, which: "old" | "new"): JsonObject {
  if (!isObject(value))
    throw new CodegenError("INVALID_DOCUMENT", `The ${which} spec is not a JSON object; pass the parsed resolved spec.`);
  if (typeof value.openapi !== "string" || !value.openapi.startsWith("3.0.")) {
    throw new CodegenError(
      "UNSUPPORTED_VERSION",
      `The ${which} spec has openapi ${JSON.stringify(value.openapi ?? null)}; the spec diff compares OpenAPI 3.0.x documents.`,
    );
  }
  return value;
}

/** The document without what the diff ignores on purpose: `info.version` and the generator's provenance. */
function comparable(document: JsonObject): JsonObject {
  const { "x-faxkit-generated": _provenance, ...rest } = document;
  const info = isObject(rest.info) ? { ...rest.info } : rest.info;
  if (isObject(info)) delete info.version;
  return { ...rest, info };
}

/**
 * Compares two resolved OpenAPI 3.0 documents (internal `$ref`s allowed) and classifies
 * every difference for the TypeScript packages generated from them, by the rules of
 * {@link DIFF_RULES}. Schemas are compared structurally through `$ref`s (cycle-safe); a
 * change inside a component is reported once per operation that uses it, its pointer in
 * components. `info.version` is ignored. Identical documents give `[]`.
 *
 * @throws {CodegenError} `INVALID_DOCUMENT` or `UNSUPPORTED_VERSION` for input that is
 *   not an OpenAPI 3.0 document.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { diffSpecs, overallBump } from "@faxkit/codegen";
 * const before = JSON.parse(readFileSync("old/faxplus.resolved.json", "utf8"));
 * const after = JSON.parse(readFileSync("openapi/dist/faxplus.resolved.json", "utf8"));
 * const changes = diffSpecs(before, after);
 * // [{ rule: "request-property-became-required", bump: "major", operationId: "sendFax",
 * //    message: "sendFax: request property `comment` became required", … }]
 * console.log(overallBump(changes));
 * ```
 */
export function diffSpecs(oldDoc: unknown, newDoc: unknown): SpecChange[] {
  const context = { oldDoc: asDocument(oldDoc, "old"), newDoc: asDocument(newDoc, "new"), log: new ChangeLog() };
  diffOperations(context);
  diffComponents(context);
  diffDocument(context);
  if (context.log.size === 0) {
    // Safety net: a difference no differ classified still must not pass unnoticed.
    const at = firstDifference(comparable(context.oldDoc), comparable(context.newDoc), "");
    if (at !== null)
      context.log.add({ rule: "unclassified-change", pointer: at, operationId: null, text: `unclassified difference at \`${at}\`` });
  }
  return context.log.changes();
}
