import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import ts from "typescript";
import { resolveConfig } from "../../src/config.js";
import { type GenerateResult, generate } from "../../src/index.js";

/** The real validator runtime of this repository (source), which generated validators import. */
const RUNTIME = fileURLToPath(new URL("../../../validator/src/internal/runtime.ts", import.meta.url));

/** What the entry module of a generated project re-exports, for the test to inspect. */
export const ENTRY = `import * as operationTable from "./out/types/operations.js";
import * as resourceMap from "./out/types/resources.js";
import * as specInfo from "./out/types/spec-info.js";
import * as validate from "./out/validators/validate.js";
import * as is from "./out/validators/is.js";
import * as assert from "./out/validators/assert.js";
import * as validatorIndex from "./out/validators/operations.js";
import type * as aliases from "./out/types/aliases.js";
export type Aliases = typeof aliases;
export { operationTable, resourceMap, specInfo, validate, is, assert, validatorIndex };
`;

/** A temporary project: a spec in, every output (types, resource map, validators) out. */
export interface GeneratedProject {
  root: string;
  entry: string;
  generate(): Promise<GenerateResult>;
  remove(): Promise<void>;
}

/** Writes `specText` into a fresh folder with a config asking for every output. */
export async function createGeneratedProject(specText: string, parent = tmpdir()): Promise<GeneratedProject> {
  const root = await mkdtemp(join(parent, "faxkit-hostile-"));
  await writeFile(join(root, "spec.json"), specText);
  await writeFile(join(root, "package.json"), '{ "type": "module" }\n');
  await writeFile(join(root, "entry.ts"), ENTRY);
  const raw = {
    spec: "spec.json",
    outputs: { types: "out/types", validators: "out/validators" },
    // An absolute specifier is used as it is, from every module (a relative one is re-based).
    validators: { runtime: RUNTIME.replace(/\.ts$/, ".js").split(sep).join("/"), types: "../types/aliases.js" },
    resources: {},
  };
  const configFile = join(root, "faxkit.config.json");
  await writeFile(configFile, JSON.stringify(raw));
  return {
    root,
    entry: join(root, "entry.ts"),
    generate: async () => generate({ config: await resolveConfig(raw, configFile) }),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Compiler options of the packages (tsconfig.base.json), without emit and without the DOM. */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/** Parsed files that never change between programs (TypeScript's lib, the runtime): parsed once. */
const stableFiles = new Map<string, ts.SourceFile>();
const host = ts.createCompilerHost(OPTIONS);
const readSource = host.getSourceFile;
host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
  const stable = !fileName.includes("faxkit-hostile-");
  const cached = stable ? stableFiles.get(fileName) : undefined;
  if (cached) return cached;
  const file = readSource.call(host, fileName, languageVersion, onError, shouldCreate);
  if (file && stable) stableFiles.set(fileName, file);
  return file;
};

/**
 * Type-checks the entry modules of many generated projects in one program (in-process, far
 * faster than a `tsc` per project). Returns the diagnostics, formatted, per entry.
 */
export function typeCheck(entries: readonly string[]): Map<string, string[]> {
  const program = ts.createProgram({ rootNames: entries, options: OPTIONS, host });
  const found = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? "";
    const entry = entries.find((e) => file.startsWith(dirname(e))) ?? "(global)";
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const where =
      diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    found.set(entry, [...(found.get(entry) ?? []), `${file}${where ? `:${where.line + 1}` : ""}: ${text}`]);
  }
  return found;
}

/** Bundles a project's entry with esbuild (as a user's bundler would) and imports the bundle. */
export async function bundleAndImport(project: GeneratedProject): Promise<Record<string, unknown>> {
  const outfile = join(project.root, "bundle.mjs");
  await build({ entryPoints: [project.entry], bundle: true, format: "esm", platform: "node", outfile, logLevel: "silent" });
  return (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
}
