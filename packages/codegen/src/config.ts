import { readdir, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { CodegenError } from "./errors/CodegenError.js";
import { displayPath, readSourceDocument } from "./load/source-document.js";

/**
 * The config file (`faxkit.config.json`): which spec to read, which overlays to apply
 * and where to write. All paths are relative to the config file's folder, which is also
 * the root that no output may leave.
 *
 * @example
 * ```json
 * {
 *   "spec": "openapi/faxplus.yaml",
 *   "overlays": ["openapi/overlays"],
 *   "outputs": {
 *     "types": "packages/types/src/generated",
 *     "resolvedSpec": "openapi/dist/faxplus.resolved.json"
 *   },
 *   "operationTable": { "scopesFrom": "personal_access_token", "interfaces": "@faxkit/types" }
 * }
 * ```
 */
export interface CodegenConfigFile {
  /** The OpenAPI document, YAML or JSON. */
  spec: string;
  /** Overlay 1.0 documents or folders of them, applied in the order given (a folder's files by name). */
  overlays?: string[];
  outputs: {
    /** Folder for `schema.ts`, `aliases.ts`, `operations.ts`, `spec-info.ts`. */
    types: string;
    /** The spec after overlays, as JSON. */
    resolvedSpec?: string;
    /** Folder for the precompiled validators (one module per schema and per operation). */
    validators?: string;
  };
  /** Imports of the generated validators (only with `outputs.validators`). */
  validators?: {
    /** Runtime module, relative to the validators folder or a package name (default `@faxkit/validator/runtime`). */
    runtime?: string;
    /**
     * Module whose type aliases name each schema, relative to the validators folder or a package
     * name. Default: the `aliases.ts` generated in the same run, by relative path from
     * `outputs.validators` to `outputs.types` (so any spec's validators use its own types).
     */
    types?: string;
  };
  operationTable?: {
    /** Security scheme whose scopes fill each operation's `scopes` (e.g. a PAT scheme). */
    scopesFrom?: string;
    /**
     * Module that exports the `OperationMeta` and `OperationCall` interfaces (@faxkit/types does),
     * relative to the types folder or a package name. When given, `operations.ts` and
     * `resources.ts` import them (type only) and check their tables against them; when absent
     * the tables are plain `as const` data, so the output needs nothing else installed.
     */
    interfaces?: string;
  };
  /** Write the resource map (`resources.ts` beside the types): which client method calls which operation. */
  resources?: {
    /** Method names that the naming rule would get wrong, by operationId (`{ "getFile": "download" }`). */
    rename?: Record<string, string>;
  };
}

/** A config with every path made absolute and every overlay folder expanded. */
export interface ResolvedConfig {
  /** Folder of the config file: outputs must stay inside it. */
  root: string;
  configFile: string;
  spec: string;
  overlays: string[];
  outputs: { types: string; resolvedSpec: string | undefined; validators: string | undefined };
  validators: { runtime: string; types: string };
  scopesFrom: string | undefined;
  /** Module specifier of the operation interfaces (`operationTable.interfaces`); `undefined`: tables are not checked against them. */
  operationInterfaces: string | undefined;
  /** Method-name overrides for the resource map, by operationId; `undefined`: no resource map is written. */
  resourceRenames: Record<string, string> | undefined;
}

/** Default config file name, looked up in the working directory. */
export const DEFAULT_CONFIG_FILE = "faxkit.config.json";

/**
 * Reads and checks a config file.
 *
 * @example
 * ```ts
 * const config = await loadConfig("faxkit.config.json");
 * console.log(config.spec, config.overlays);
 * ```
 */
export async function loadConfig(path: string = DEFAULT_CONFIG_FILE): Promise<ResolvedConfig> {
  const configFile = resolve(path);
  const source = await readSourceDocument(configFile);
  return resolveConfig(source.value, configFile);
}

/** Checks a config object (as read from `configFile`) and resolves its paths. */
export async function resolveConfig(raw: unknown, configFile: string): Promise<ResolvedConfig> {
  const file = displayPath(configFile);
  const invalid = (what: string) => new CodegenError("CONFIG_INVALID", what, { file });
  if (!isRecord(raw)) throw invalid("the config must be a JSON object with `spec` and `outputs`.");
  if (typeof raw.spec !== "string" || raw.spec === "") throw invalid("`spec` must be the path of the OpenAPI document.");
  if (!isRecord(raw.outputs) || typeof raw.outputs.types !== "string")
    throw invalid("`outputs.types` must be the folder the generated types are written to.");
  if (raw.outputs.resolvedSpec !== undefined && typeof raw.outputs.resolvedSpec !== "string")
    throw invalid("`outputs.resolvedSpec` must be a file path when given.");
  if (raw.outputs.validators !== undefined && typeof raw.outputs.validators !== "string")
    throw invalid("`outputs.validators` must be a folder path when given.");
  const validators = raw.validators ?? {};
  if (!isRecord(validators) || Object.values(validators).some((v) => typeof v !== "string"))
    throw invalid("`validators.runtime` and `validators.types` must be module specifiers.");
  if (raw.overlays !== undefined && !(Array.isArray(raw.overlays) && raw.overlays.every((o) => typeof o === "string")))
    throw invalid("`overlays` must be a list of overlay files or folders.");
  const table = raw.operationTable;
  if (table !== undefined && !(isRecord(table) && (table.scopesFrom === undefined || typeof table.scopesFrom === "string")))
    throw invalid("`operationTable.scopesFrom` must be the name of a security scheme.");
  if (isRecord(table) && table.interfaces !== undefined && (typeof table.interfaces !== "string" || table.interfaces === ""))
    throw invalid("`operationTable.interfaces` must be a module specifier (such as `@faxkit/types`) when given.");
  const resources = raw.resources;
  const rename = isRecord(resources) ? resources.rename : undefined;
  if (
    resources !== undefined &&
    !(isRecord(resources) && (rename === undefined || (isRecord(rename) && Object.values(rename).every(isMethodName))))
  )
    throw invalid("`resources.rename` must map operationIds to method names (identifiers such as `download`).");

  const root = dirname(configFile);
  const inside = (key: string, value: string) => {
    const target = resolve(root, value);
    const rel = relative(root, target);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel))
      throw new CodegenError(
        "OUTPUT_OUTSIDE_ROOT",
        `\`${key}\` resolves to ${target}, which is outside the project root ${root}; outputs must stay inside the folder of the config file.`,
        { file },
      );
    return target;
  };
  const overlays: string[] = [];
  for (const entry of (raw.overlays as string[] | undefined) ?? [])
    overlays.push(...(await expandOverlayEntry(resolve(root, entry), file)));
  return {
    root,
    configFile,
    spec: resolve(root, raw.spec),
    overlays,
    outputs: {
      types: inside("outputs.types", raw.outputs.types),
      resolvedSpec: raw.outputs.resolvedSpec === undefined ? undefined : inside("outputs.resolvedSpec", raw.outputs.resolvedSpec),
      validators: raw.outputs.validators === undefined ? undefined : inside("outputs.validators", raw.outputs.validators),
    },
    validators: {
      runtime: typeof validators.runtime === "string" ? validators.runtime : "@faxkit/validator/runtime",
      types: typeof validators.types === "string" ? validators.types : aliasesFrom(root, raw.outputs.types, raw.outputs.validators),
    },
    scopesFrom: isRecord(table) ? (table.scopesFrom as string | undefined) : undefined,
    operationInterfaces: isRecord(table) ? (table.interfaces as string | undefined) : undefined,
    resourceRenames: resources === undefined ? undefined : { ...((rename as Record<string, string> | undefined) ?? {}) },
  };
}

/** The generated aliases module as seen from the validators folder (`../types/aliases.js`). */
function aliasesFrom(root: string, types: string, validators: unknown): string {
  const from = resolve(root, typeof validators === "string" ? validators : types);
  const rel = relative(from, join(resolve(root, types), "aliases.js"))
    .split(sep)
    .join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** A folder becomes its `.yaml`/`.yml`/`.json` files sorted by name; a file stays itself. */
async function expandOverlayEntry(path: string, configDisplay: string): Promise<string[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new CodegenError(
      "FILE_NOT_FOUND",
      `overlay ${displayPath(path)} does not exist; it is listed in \`overlays\`: create it, or take it out of the list (a config needs no overlays).`,
      { file: configDisplay },
    );
  }
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
  return names.map((name) => join(path, name));
}

/** An identifier that can be an own property of a plain object (`__proto__` would set the prototype instead). */
function isMethodName(value: unknown): boolean {
  return typeof value === "string" && /^[A-Za-z_$][\w$]*$/.test(value) && value !== "__proto__";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
