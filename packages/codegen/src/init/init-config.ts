import { dirname, isAbsolute, join, relative, sep } from "node:path";
import type { CodegenConfigFile } from "../config.js";

/** The module the generated validators import their checks from: `@faxkit/validator` provides it. */
export const VALIDATOR_RUNTIME = "@faxkit/validator/runtime";

/** File name of the resolved spec, written beside the types folder (`update` diffs against it). */
export const RESOLVED_SPEC_FILE = "openapi.resolved.json";

/** Absolute paths of everything the config names. */
export interface InitPaths {
  configFile: string;
  spec: string;
  types: string;
  validators: string;
  /** The overlays folder, when the project has one. */
  overlays: string | undefined;
}

/**
 * The config `init` writes: every path relative to the config's folder with `/` separators, so
 * the file works from any clone on any OS; overlays only when the project has them; the
 * validators' runtime written out, so the one package they need at run time is named in it.
 *
 * @example
 * ```ts
 * initConfig({ configFile: "/app/faxkit.config.json", spec: "/app/petstore.yaml", types: "/app/src/generated/types",
 *   validators: "/app/src/generated/validators", overlays: undefined }).spec; // "petstore.yaml"
 * ```
 */
export function initConfig(paths: InitPaths): CodegenConfigFile {
  const root = dirname(paths.configFile);
  return {
    spec: fromRoot(root, paths.spec),
    ...(paths.overlays === undefined ? {} : { overlays: [fromRoot(root, paths.overlays)] }),
    outputs: {
      types: fromRoot(root, paths.types),
      validators: fromRoot(root, paths.validators),
      resolvedSpec: fromRoot(root, join(dirname(paths.types), RESOLVED_SPEC_FILE)),
    },
    validators: { runtime: VALIDATOR_RUNTIME },
  };
}

/** `path` relative to the config's folder, with `/`; absolute only when no relative path exists (another drive). */
function fromRoot(root: string, path: string): string {
  const rel = relative(root, path);
  return isAbsolute(rel) ? rel : rel.split(sep).join("/");
}
