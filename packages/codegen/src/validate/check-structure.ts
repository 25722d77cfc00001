import { CodegenError } from "../errors/CodegenError.js";
import { toPointer } from "../load/json-pointer.js";
import type { SourceDocument } from "../load/source-document.js";
import { isObject, type JsonObject } from "../model/operations.js";
import { quoteSpecValue } from "../quote/spec-value-text.js";

/** The fields every OpenAPI 3.0 document must have (OpenAPI 3.0.3, §4.7.1 OpenAPI Object). */
export function checkStructure(document: JsonObject, source: SourceDocument): void {
  const fail = (message: string, pointer: string) => new CodegenError("INVALID_DOCUMENT", message, source.locate(pointer));
  if (!isObject(document.info)) throw fail("the `info` object is missing.", "/info");
  if (typeof document.info.title !== "string") throw fail("`info.title` must be a string.", "/info/title");
  if (typeof document.info.version !== "string") throw fail("`info.version` must be a string.", "/info/version");
  if (!isObject(document.paths)) throw fail("the `paths` object is missing.", "/paths");
  for (const [path, item] of Object.entries(document.paths)) {
    const pointer = toPointer(["paths", path]);
    if (!path.startsWith("/")) throw fail(`path "${quoteSpecValue(path)}" must start with "/".`, pointer);
    if (!isObject(item)) throw fail(`path "${quoteSpecValue(path)}" must map to a Path Item object.`, pointer);
  }
  if (document.components !== undefined && !isObject(document.components)) throw fail("`components` must be an object.", "/components");
}
