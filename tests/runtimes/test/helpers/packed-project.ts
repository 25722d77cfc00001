/**
 * What the global setup hands to the test file: a fresh npm project under os.tmpdir() that
 * installed the packed tarballs of the packages the smoke script imports.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The packages the smoke script imports, in dependency order, with their folders in the workspace. */
export const PACKED_PACKAGES = [
  { name: "@faxkit/types", dir: "packages/types" },
  { name: "@faxkit/validator", dir: "packages/validator" },
  { name: "@faxkit/client", dir: "packages/client" },
] as const;

/** The provided context value `runtimeProject`. */
export interface RuntimeProject {
  /** The fresh npm project, with node_modules installed from the tarballs. */
  projectDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    runtimeProject: RuntimeProject;
  }
}

/** The repository root, from this file's location (tests/runtimes/test/helpers). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The scripts copied into the project. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");
