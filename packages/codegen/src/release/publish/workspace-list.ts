import { realpathSync } from "node:fs";
import { quoteSpecValue } from "../../quote/spec-value-text.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { isJsonObject } from "../read-json-file.js";
import type { RunTool } from "./tool-runner.js";

/** One workspace package as `pnpm ls -r --json` lists it. */
export interface ListedPackage {
  name: string;
  version: string | undefined;
  private: boolean;
  path: string;
}

/** The workspace split the way `pnpm -r publish` splits it. */
export interface ReleaseWorkspace {
  /** The public packages, by name. */
  published: ListedPackage[];
  /** How many packages are private (never published). */
  privateCount: number;
}

/**
 * The workspace as pnpm sees it (pnpm-workspace.yaml and the package.json files only), the
 * root excluded. pnpm's own list rather than a walk of `packages/`: it is exactly the set
 * `pnpm -r publish` will consider.
 */
export function listWorkspace(run: RunTool, root: string): ReleaseWorkspace {
  const listed = run("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { capture: true });
  if (listed.status !== 0) throw new ReleaseRefusal(`\`pnpm ls -r\` failed:\n${listed.stderr || listed.stdout}`);
  const packages = parseList(listed.stdout).filter((pkg) => !samePath(pkg.path, root));
  return {
    published: packages.filter((pkg) => !pkg.private).sort((a, b) => a.name.localeCompare(b.name)),
    privateCount: packages.filter((pkg) => pkg.private).length,
  };
}

/**
 * `pnpm ls --json`: an array of `{ name, version?, path, private }`.
 *
 * @example
 * ```ts
 * parseList('[{"name":"a","version":"1.0.0","path":"/r/a","private":false}]'); // [{ name: "a", version: "1.0.0", … }]
 * ```
 */
export function parseList(text: string): ListedPackage[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReleaseRefusal(`\`pnpm ls -r --json\` did not print JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(value)) throw new ReleaseRefusal("`pnpm ls -r --json` did not print a list of packages.");
  return value.map((entry, i) => {
    if (!isJsonObject(entry) || typeof entry.name !== "string" || typeof entry.path !== "string")
      throw new ReleaseRefusal(`\`pnpm ls -r --json\` entry ${i} has no name or path.`);
    return {
      name: quoteSpecValue(entry.name),
      version: typeof entry.version === "string" ? quoteSpecValue(entry.version) : undefined,
      private: entry.private === true,
      path: entry.path,
    };
  });
}

/** Whether two paths name the same folder (pnpm prints real paths; the root may come through a symlink). */
function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}
