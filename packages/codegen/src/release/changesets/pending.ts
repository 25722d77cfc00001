import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type ChangesetBump, readChangesetReleases } from "./front-matter.js";

/** A changeset not yet consumed by `changeset version`. */
export interface PendingChangeset {
  /** Path relative to the project root, e.g. `.changeset/spec-3.5.0.md`. */
  file: string;
  releases: Record<string, ChangesetBump>;
  mtimeMs: number;
}

/** Changesets are a few hundred bytes; only this much of each is read for its front matter. */
const MAX_CHANGESET_BYTES = 256 * 1024;

/**
 * The pending changesets (`.changeset/*.md` but the README), newest first (then by name).
 *
 * @example
 * ```ts
 * import { pendingChangesets } from "@faxkit/codegen";
 * pendingChangesets(process.cwd()).filter((c) => c.releases["@faxkit/types"] !== undefined);
 * ```
 */
export function pendingChangesets(root: string): PendingChangeset[] {
  const folder = join(root, ".changeset");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md")
    .map((name) => {
      const path = join(folder, name);
      const text = readFileSync(path).subarray(0, MAX_CHANGESET_BYTES).toString("utf8");
      return { file: `.changeset/${name}`, releases: readChangesetReleases(text), mtimeMs: statSync(path).mtimeMs };
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs || a.file.localeCompare(b.file));
}

/** The changeset's releases as read from disk; `{}` when the file is gone. */
export function changesetReleasesOf(root: string, file: string): Record<string, ChangesetBump> {
  const path = join(root, file);
  if (!existsSync(path)) return {};
  return readChangesetReleases(readFileSync(path).subarray(0, MAX_CHANGESET_BYTES).toString("utf8"));
}
