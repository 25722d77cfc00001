import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** One file the generator produces, with its full content. */
export interface OutputFile {
  /** Absolute path. */
  path: string;
  content: string;
}

/** Everything one generation produces, and the folders it owns outright. */
export interface OutputSet {
  files: OutputFile[];
  /** Folders whose every file is generated: a file there that is not in `files` is stale. */
  ownedFolders: string[];
}

/** How a file on disk differs from what the generator would write. */
export interface StaleFile {
  path: string;
  reason: "differs" | "missing" | "unexpected";
}

/** Compares an output set with the disk; an empty list means up to date. */
export async function findStaleFiles(output: OutputSet): Promise<StaleFile[]> {
  const stale: StaleFile[] = [];
  for (const file of output.files) {
    const current = await readFile(file.path, "utf8").catch(() => undefined);
    if (current === undefined) stale.push({ path: file.path, reason: "missing" });
    else if (current !== file.content) stale.push({ path: file.path, reason: "differs" });
  }
  for (const path of await findUnexpectedFiles(output)) stale.push({ path, reason: "unexpected" });
  return stale;
}

/** Files in owned folders that the generator does not produce (left over from an older spec). */
export async function findUnexpectedFiles(output: OutputSet): Promise<string[]> {
  const expected = new Set(output.files.map((file) => file.path));
  const unexpected: string[] = [];
  for (const folder of output.ownedFolders) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isFile() && !expected.has(path) && !entry.name.startsWith(".")) unexpected.push(path);
    }
  }
  return unexpected.sort();
}
