import { escapeToken } from "../load/json-pointer.js";
import { docComment } from "../quote/doc-text.js";
import { assignTypeNames } from "../quote/identifier.js";
import { quoteJsString } from "../quote/js-string.js";
import { type Provenance, tsBanner } from "./banner.js";

/**
 * One named alias per component schema (OpenAPI 3.0.3, §4.7.7 Components Object,
 * `schemas`): `export type Fax = components["schemas"]["Fax"]`, so users import `Fax`
 * instead of spelling the index path. The schema's description becomes the alias's JSDoc (a
 * line naming the schema when it has none).
 * Alias names follow the safe-name rule (`assignTypeNames`): `Error` becomes `ErrorModel`.
 */
export function emitSchemaAliases(document: Record<string, unknown>, provenance: Provenance): string {
  const components = (document.components ?? {}) as Record<string, unknown>;
  const schemas = (components.schemas ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const names = Object.keys(schemas);
  const typeNames = schemaTypeNames(names, provenance);
  let out = tsBanner(provenance, "Named aliases for every component schema.");
  out += '\nimport type { components } from "./schema.js";\n';
  for (const name of names) {
    const description = schemas[name]?.description;
    out += "\n";
    // Every alias is public API: one the spec leaves undescribed still says what it names.
    const hasDescription = typeof description === "string" && description.trim() !== "";
    out += docComment(hasDescription ? description : `The \`${name}\` schema of the spec, which gives it no description.`);
    out += `export type ${typeNames.get(name)} = components["schemas"][${quoteJsString(name)}];\n`;
  }
  return out;
}

/** The identifier of every component schema; the aliases and the validators share it. */
export function schemaTypeNames(names: readonly string[], provenance: Provenance): Map<string, string> {
  return assignTypeNames(names, { locate: (name) => ({ file: provenance.spec, pointer: `/components/schemas/${escapeToken(name)}` }) });
}
