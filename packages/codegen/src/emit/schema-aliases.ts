import { type Provenance, tsBanner } from "./banner.js";
import { assignTypeNames } from "./type-name.js";

/**
 * One named alias per component schema (OpenAPI 3.0.3, §4.7.7 Components Object,
 * `schemas`): `export type Fax = components["schemas"]["Fax"]`, so users import `Fax`
 * instead of spelling the index path. The schema's description becomes the alias's JSDoc.
 */
export function emitSchemaAliases(document: Record<string, unknown>, provenance: Provenance): string {
  const components = (document.components ?? {}) as Record<string, unknown>;
  const schemas = (components.schemas ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const names = Object.keys(schemas);
  const typeNames = assignTypeNames(names);
  let out = tsBanner(provenance, "Named aliases for every component schema.");
  out += '\nimport type { components } from "./schema.js";\n';
  for (const name of names) {
    const description = schemas[name]?.description;
    out += "\n";
    if (typeof description === "string" && description.trim() !== "") out += docComment(description);
    out += `export type ${typeNames.get(name)} = components["schemas"][${JSON.stringify(name)}];\n`;
  }
  return out;
}

function docComment(text: string): string {
  const lines = text.trim().replaceAll("*/", "*\\/").split("\n");
  return `/**\n${lines.map((line) => (line.trim() === "" ? " *" : ` * ${line.trimEnd()}`)).join("\n")}\n */\n`;
}
