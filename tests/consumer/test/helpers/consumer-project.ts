/**
 * What the global setup hands to every test file: the packed tarballs and the fresh npm
 * project that installed them.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The public packages, in dependency order, with their folders in the workspace. */
export const PUBLIC_PACKAGES = [
  { name: "@faxkit/types", dir: "packages/types" },
  { name: "@faxkit/validator", dir: "packages/validator" },
  { name: "@faxkit/client", dir: "packages/client" },
  { name: "@faxkit/mock", dir: "packages/mock" },
  { name: "@faxkit/codegen", dir: "packages/codegen" },
  { name: "@faxkit/cli", dir: "packages/cli" },
] as const;

export type PackageName = (typeof PUBLIC_PACKAGES)[number]["name"];

/** One packed package. */
export interface PackedPackage {
  name: PackageName;
  version: string;
  /** Absolute path of its folder in the workspace. */
  dir: string;
  /** Absolute path of the `.tgz` that `pnpm pack` wrote. */
  tarball: string;
  /** Paths inside the tarball (relative to the package root), as `pnpm pack --json` lists them. */
  files: string[];
}

/** The provided context value `consumer`. */
export interface ConsumerProject {
  /** The repository root (the workspace the tarballs were packed from). */
  repoRoot: string;
  /** The fresh npm project under os.tmpdir(), with node_modules installed from the tarballs. */
  projectDir: string;
  packages: PackedPackage[];
}

declare module "vitest" {
  export interface ProvidedContext {
    consumer: ConsumerProject;
  }
}

/** The repository root, from this file's location (tests/consumer/test/helpers). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The fixtures copied into (or read by) the consumer project. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");

/**
 * A devDependency's CLI script, run with `node` (no shell, no `.bin` shim): pnpm links each
 * devDependency into tests/consumer/node_modules.
 *
 * @example
 * ```ts
 * await run(process.execPath, [toolBin("publint", "src/cli.js"), "run", tarball], { cwd });
 * ```
 */
export function toolBin(pkg: string, script: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), "../../node_modules", pkg, script);
}
