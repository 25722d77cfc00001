import { isObject, type JsonObject } from "../model/operations.js";
import { quoteJsLiteral } from "../quote/js-literal.js";
import { type Provenance, tsBanner } from "./banner.js";

/** `spec-info.ts`: the spec's identity, for user agents, logs and "which API version is this" checks. */
export function emitSpecInfo(document: JsonObject, operationCount: number, provenance: Provenance): string {
  const info = (document.info ?? {}) as JsonObject;
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? Object.keys(components.schemas).length : 0;
  const data = {
    title: info.title,
    version: info.version,
    openapi: document.openapi,
    operationCount,
    schemaCount: schemas,
  };
  let out = tsBanner(provenance, "Identity of the spec these types were generated from.");
  out += "\n/**\n * Title, version and size of the spec.\n *\n * @example\n * ```ts\n";
  out += " * console.log(specInfo.title, specInfo.version);\n * ```\n */\n";
  out += `export const specInfo = ${quoteJsLiteral(data, 2)} as const;\n`;
  return out;
}
