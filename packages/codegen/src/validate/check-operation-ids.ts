import { CodegenError, formatLocation } from "../errors/CodegenError.js";
import type { SourceDocument } from "../load/source-document.js";
import { type JsonObject, listOperations } from "../model/operations.js";
import { quoteSpecValue } from "../quote/spec-value-text.js";

/**
 * Every operation needs a unique `operationId` (OpenAPI 3.0.3, §4.7.10: "The id MUST be
 * unique among all operations"): the operation table, the typed client and the
 * validators are all keyed by it.
 */
export function checkOperationIds(document: JsonObject, source: SourceDocument): void {
  const seen = new Map<string, string>();
  for (const { path, method, operation, pointer } of listOperations(document)) {
    const id = operation.operationId;
    const label = `${method.toUpperCase()} ${path}`;
    if (typeof id !== "string" || id.trim() === "") {
      throw new CodegenError(
        "MISSING_OPERATION_ID",
        `operation ${label} has no operationId; every operation needs a unique one.`,
        source.locate(pointer),
      );
    }
    const first = seen.get(id);
    if (first !== undefined) {
      throw new CodegenError(
        "DUPLICATE_OPERATION_ID",
        `operationId "${quoteSpecValue(id)}" of ${label} is already used by ${first}; operationIds must be unique.`,
        source.locate(`${pointer}/operationId`),
      );
    }
    seen.set(id, `${label} (${formatLocation(source.locate(`${pointer}/operationId`))})`);
  }
}
