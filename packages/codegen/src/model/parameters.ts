import { followRefs } from "../load/json-pointer.js";
import { isObject, type JsonObject, type OperationEntry } from "./operations.js";

/**
 * The parameters in effect for an operation (OpenAPI 3.0.3, §4.7.10: path-item
 * parameters apply unless the operation redefines one with the same name and location),
 * with `$ref`s followed. The operation table and the validators both read them here.
 */
export function effectiveParameters(document: JsonObject, entry: OperationEntry): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  const own = Array.isArray(entry.operation.parameters) ? entry.operation.parameters : [];
  for (const raw of [...entry.pathItemParameters, ...own]) {
    const parameter = followRefs(document, raw).value;
    if (isObject(parameter) && typeof parameter.name === "string") byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}
