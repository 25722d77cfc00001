import { toPointer } from "../load/json-pointer.js";

/**
 * Walks the Operation Objects of an OpenAPI 3.0 document (OpenAPI 3.0.3, §4.7.9 Path
 * Item Object and §4.7.10 Operation Object). Every later stage (validation, the
 * operation table, the summary) sees operations through this one function.
 */

/** HTTP methods a Path Item may hold, in the order the spec lists them. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type JsonObject = Record<string, unknown>;

/** One operation with the context it inherits from its path item. */
export interface OperationEntry {
  path: string;
  method: HttpMethod;
  operation: JsonObject;
  /** Path-item level parameters (they apply unless the operation overrides them). */
  pathItemParameters: unknown[];
  /** JSON pointer of the Operation Object. */
  pointer: string;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Every operation of the document, in document order. */
export function listOperations(document: JsonObject): OperationEntry[] {
  const entries: OperationEntry[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const pathItemParameters = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      entries.push({ path, method, operation, pathItemParameters, pointer: toPointer(["paths", path, method]) });
    }
  }
  return entries;
}
