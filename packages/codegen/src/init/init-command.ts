import { stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { resolveConfig } from "../config.js";
import { CodegenError } from "../errors/CodegenError.js";
import type { SpecSummary } from "../model/summary.js";
import { quoteSpecValue } from "../quote/spec-value-text.js";
import { render } from "../render.js";
import { writeOutputSet } from "../write/atomic-write.js";
import { commandLine } from "./command-line.js";
import { findOverlays, OVERLAYS_FOLDER } from "./find-overlays.js";
import { DEFAULT_TYPES_DIR, DEFAULT_VALIDATORS_DIR, INIT_COMMAND, INIT_USAGE, type InitArgs, parseInitArgs } from "./init-args.js";
import { type InitPaths, initConfig, RESOLVED_SPEC_FILE, VALIDATOR_RUNTIME } from "./init-config.js";

const PREFIX = `${INIT_COMMAND}:`;

/** Where `init` runs: relative paths on the command line are taken from `cwd`. */
export interface InitCommandOptions {
  cwd?: string;
}

/**
 * `faxkit-codegen init <spec> [--config faxkit.config.json] [--types <dir>] [--validators <dir>]
 * [--force]`: writes a config for `<spec>` that generates. The spec goes through the whole
 * pipeline in memory first (the codegen's loader and its input bounds, validation, emit), so
 * a spec the generator would refuse is refused here, and no config is written. An existing
 * config is replaced only with `--force`. Returns the exit code: 0 written, 1 refused (the
 * config exists, or the spec does not generate), 2 bad arguments.
 *
 * @example
 * ```ts
 * process.exitCode = await initCommand(["openapi/petstore.yaml"]); // then: faxkit-codegen generate
 * ```
 */
export async function initCommand(argv: readonly string[], options: InitCommandOptions = {}): Promise<number> {
  const parsed = parseInitArgs(argv);
  if (parsed.kind === "help") {
    console.log(INIT_USAGE);
    return 0;
  }
  if (parsed.kind === "error") {
    console.error(`${PREFIX} ${parsed.message}\n${INIT_USAGE}`);
    return 2;
  }
  const cwd = options.cwd ?? process.cwd();
  const paths = await resolvePaths(parsed.args, cwd);
  if (paths.types === paths.validators) {
    console.error(`${PREFIX} --types and --validators must be different folders (each gets its own operations.ts).\n${INIT_USAGE}`);
    return 2;
  }
  const refusal = await refuseExisting(paths.configFile, parsed.args, cwd);
  if (refusal !== undefined) {
    console.error(`${PREFIX} ${refusal}`);
    return 1;
  }
  try {
    const raw = initConfig(paths);
    // The config is resolved and rendered exactly as `generate` will, but in memory only.
    const rendered = await render(await resolveConfig(raw, paths.configFile));
    await writeOutputSet({ files: [{ path: paths.configFile, content: `${JSON.stringify(raw, null, 2)}\n` }], ownedFolders: [] });
    report(paths, parsed.args, cwd, rendered.summary());
    return 0;
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    console.error(`${PREFIX} ${error.message}\nNo config was written.`);
    return 1;
  }
}

/** Why an existing config path is not written: it is there and --force was not given, or it is not a file. */
async function refuseExisting(configFile: string, args: InitArgs, cwd: string): Promise<string | undefined> {
  const found = await stat(configFile).catch(() => undefined);
  if (found === undefined) return undefined;
  const shown = shownFrom(cwd, configFile);
  if (!found.isFile()) return `${shown} exists and is not a file; give --config another path.`;
  if (args.force) return undefined;
  return `${shown} already exists; it was left as it is. Run \`${commandLine("generate", args.config, cwd)}\` to use it, or init again with --force to replace it.`;
}

/** A path as the user in `cwd` would type it (absolute when no relative path exists). */
function shownFrom(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === "" || isAbsolute(rel) ? path : rel;
}

/** Command-line paths made absolute: given ones from `cwd`, defaults from the config's folder. */
async function resolvePaths(args: InitArgs, cwd: string): Promise<InitPaths> {
  const configFile = resolve(cwd, args.config);
  const root = dirname(configFile);
  const spec = resolve(cwd, args.spec);
  return {
    configFile,
    spec,
    types: args.types === undefined ? resolve(root, DEFAULT_TYPES_DIR) : resolve(cwd, args.types),
    validators: args.validators === undefined ? resolve(root, DEFAULT_VALIDATORS_DIR) : resolve(cwd, args.validators),
    overlays: await findOverlays(spec),
  };
}

/** What was written and what to do next. Values from the spec go through `quoteSpecValue`. */
function report(paths: InitPaths, args: InitArgs, cwd: string, summary: SpecSummary): void {
  const show = (path: string) => shownFrom(cwd, path);
  const spec = `${quoteSpecValue(summary.title)} ${quoteSpecValue(summary.version)} (OpenAPI ${quoteSpecValue(summary.openapi)})`;
  const overlays =
    paths.overlays === undefined ? `none (no ${OVERLAYS_FOLDER}/ folder with overlay files beside the spec)` : show(paths.overlays);
  console.log(
    [
      `${PREFIX} wrote ${show(paths.configFile)} for ${spec}: ${summary.operations} operations, ${summary.schemas} schemas.`,
      `  spec        ${show(paths.spec)}`,
      `  overlays    ${overlays}`,
      `  types       ${show(paths.types)}`,
      `  validators  ${show(paths.validators)}`,
      `  resolved    ${show(resolve(dirname(paths.types), RESOLVED_SPEC_FILE))}`,
      "",
      `The generated validators import ${VALIDATOR_RUNTIME}: add @faxkit/validator to your project's dependencies (npm i @faxkit/validator).`,
      `Next: ${commandLine("generate", args.config, cwd)}`,
    ].join("\n"),
  );
}
