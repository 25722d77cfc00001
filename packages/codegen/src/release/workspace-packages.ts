import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isJsonObject, readJsonFile } from "./read-json-file.js";
import { rootRelative } from "./root-path.js";

/** One package of the workspace, as its package.json describes it. */
export interface WorkspacePackage {
  name: string;
  version: string | undefined;
  private: boolean;
  /** Absolute folder of the package. */
  dir: string;
}

/**
 * The packages in `<root>/packages/*`, sorted by folder name: the layout this monorepo and its
 * changesets use. Folders without a named package.json are not packages and are skipped.
 */
export function workspacePackages(root: string): WorkspacePackage[] {
  const folder = join(root, "packages");
  if (!existsSync(folder)) return [];
  const found: WorkspacePackage[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const name of entries.map((entry) => entry.name).sort()) {
    const dir = join(folder, name);
    const manifestFile = join(dir, "package.json");
    if (!existsSync(manifestFile)) continue;
    const manifest = readJsonFile(manifestFile, rootRelative(root, manifestFile));
    if (!isJsonObject(manifest) || typeof manifest.name !== "string") continue;
    found.push({
      name: manifest.name,
      version: typeof manifest.version === "string" ? manifest.version : undefined,
      private: manifest.private === true,
      dir,
    });
  }
  return found;
}

/** Package name → version, for the bump policy. */
export function workspaceVersions(packages: readonly WorkspacePackage[]): Record<string, string | undefined> {
  const versions: Record<string, string | undefined> = {};
  for (const pkg of packages) versions[pkg.name] = pkg.version;
  return versions;
}
