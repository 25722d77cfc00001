import { join, relative, sep } from "node:path";
import type { ResolvedConfig } from "./config.js";
import type { Provenance } from "./emit/banner.js";
import { checkEmittedSyntax } from "./emit/check-emitted-syntax.js";
import { describeOperations, emitOperationTable, type OperationRecord } from "./emit/operation-table.js";
import { emitResolvedSpec } from "./emit/resolved-spec.js";
import { describeResources, emitResourceMap } from "./emit/resource-map.js";
import { emitSchemaAliases } from "./emit/schema-aliases.js";
import { emitSchemaTypes } from "./emit/schema-types.js";
import { emitSpecInfo } from "./emit/spec-info.js";
import { readSourceDocument } from "./load/source-document.js";
import { type SpecSummary, summarizeDocument } from "./model/summary.js";
import { applyOverlays } from "./overlay/apply-overlays.js";
import { validateDocument } from "./validate/validate-document.js";
import { emitValidatorModules } from "./validators/emit-validators.js";
import type { OutputSet } from "./write/output-set.js";

/** The files one generation would write, plus what was learnt on the way. */
export interface Rendered {
  output: OutputSet;
  operations: OperationRecord[];
  /** Summary of the resolved spec (computed on first use). */
  summary(): SpecSummary;
}

/** Names of the files written into `outputs.types`. */
export const TYPE_FILES = {
  schema: "schema.ts",
  aliases: "aliases.ts",
  operations: "operations.ts",
  specInfo: "spec-info.ts",
  resources: "resources.ts",
} as const;

/**
 * The whole pipeline in memory: load → apply overlays → validate → emit. Nothing
 * touches the disk here, which is what makes `generate` atomic and `check` exact.
 */
export async function render(config: ResolvedConfig): Promise<Rendered> {
  const source = await readSourceDocument(config.spec);
  const document = config.overlays.length > 0 ? await applyOverlays(source.value, config.overlays) : source.value;
  validateDocument(document, source);

  const info = document.info as { title: string; version: string };
  const provenance: Provenance = {
    spec: rootRelative(config.root, config.spec),
    overlays: config.overlays.map((path) => rootRelative(config.root, path)),
    title: info.title,
    version: info.version,
  };
  const operations = describeOperations(document, config.scopesFrom);
  const resolvedJson = emitResolvedSpec(document, provenance);
  const files = [
    { path: join(config.outputs.types, TYPE_FILES.aliases), content: emitSchemaAliases(document, provenance) },
    {
      path: join(config.outputs.types, TYPE_FILES.operations),
      content: emitOperationTable(operations, provenance, config.operationInterfaces),
    },
    { path: join(config.outputs.types, TYPE_FILES.specInfo), content: emitSpecInfo(document, operations.length, provenance) },
  ];
  if (config.resourceRenames !== undefined)
    files.push({
      path: join(config.outputs.types, TYPE_FILES.resources),
      content: emitResourceMap(describeResources(operations, config.resourceRenames), operations, provenance, config.operationInterfaces),
    });
  if (config.outputs.resolvedSpec) files.push({ path: config.outputs.resolvedSpec, content: resolvedJson });
  const ownedFolders = [config.outputs.types];
  if (config.outputs.validators) {
    const folder = config.outputs.validators;
    for (const module of emitValidatorModules(document, provenance, config.validators)) {
      files.push({ path: join(folder, module.path), content: module.content });
    }
    ownedFolders.push(folder, join(folder, "schemas"), join(folder, "operations"));
  }
  // Last: the types emitter takes ownership of the document (everything above is done with it).
  files.unshift({
    path: join(config.outputs.types, TYPE_FILES.schema),
    content: await emitSchemaTypes(document, provenance, source.file),
  });

  checkEmittedSyntax(files);

  let summary: SpecSummary | undefined;
  return {
    output: { files, ownedFolders },
    operations,
    summary: () => {
      summary ??= summarizeDocument(JSON.parse(resolvedJson));
      return summary;
    },
  };
}

/** Root-relative path with forward slashes, so banners are the same on every OS. */
function rootRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}
