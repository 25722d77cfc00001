import { readSourceDocument } from "../../load/source-document.js";
import { quoteSpecValue } from "../../quote/spec-value-text.js";
import { isJsonObject } from "../read-json-file.js";

/**
 * `info.version` of a spec file, or null when it has none. Read with the codegen's own bounded
 * parser (alias, size and depth limits), since the file may be anything.
 */
export async function readSpecVersion(path: string): Promise<string | null> {
  const { value } = await readSourceDocument(path);
  const info = isJsonObject(value) ? value.info : undefined;
  const version = isJsonObject(info) ? info.version : undefined;
  return version === undefined || version === null ? null : quoteSpecValue(String(version));
}
