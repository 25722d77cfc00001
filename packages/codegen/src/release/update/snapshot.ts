import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The bytes of every file an update is about to touch, so that any failure, an interrupt or the
 * end of a dry run can put each one back. Synchronous on purpose: a signal handler restores and
 * exits without yielding, so no pending write of the update can land after the restore.
 *
 * @example
 * ```ts
 * import { Snapshot } from "@faxkit/codegen";
 * const snapshot = new Snapshot();
 * snapshot.addFile("openapi/faxplus.yaml");
 * snapshot.addFolder("packages/types/src/generated");
 * // … on failure:
 * snapshot.restore(); // the paths it put back or removed
 * ```
 */
export class Snapshot {
  /** Path → its bytes, or null when it did not exist. */
  private readonly files = new Map<string, Buffer | null>();
  private readonly folders: string[] = [];
  private restored = false;

  /** Remembers one file (or that it does not exist, so that restoring removes it). */
  addFile(path: string): void {
    this.files.set(path, existsSync(path) ? readFileSync(path) : null);
  }

  /** Remembers every file under a folder; restoring also removes files that appear there later. */
  addFolder(path: string): void {
    this.folders.push(path);
    for (const file of filesUnder(path)) this.files.set(file, readFileSync(file));
  }

  /** True once {@link restore} ran: a second restore does nothing. */
  get isRestored(): boolean {
    return this.restored;
  }

  /** Puts every remembered file back and removes what appeared; returns the paths it changed. */
  restore(): string[] {
    if (this.restored) return [];
    this.restored = true;
    const changed: string[] = [];
    for (const folder of this.folders)
      for (const file of filesUnder(folder))
        if (!this.files.has(file)) {
          unlinkSync(file);
          changed.push(file);
        }
    for (const [path, bytes] of this.files) {
      // An atomic write interrupted between its two steps leaves its temporary file beside the target.
      removeIfPresent(`${path}.${process.pid}.tmp`);
      if (putBack(path, bytes)) changed.push(path);
    }
    return changed;
  }
}

/** Makes `path` hold `bytes` (null: not exist); true when that changed anything. */
function putBack(path: string, bytes: Buffer | null): boolean {
  const now = existsSync(path) ? readFileSync(path) : null;
  if (bytes === null) return removeIfPresent(path);
  if (now?.equals(bytes)) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return true;
}

function removeIfPresent(path: string): boolean {
  if (!existsSync(path)) return false;
  unlinkSync(path);
  return true;
}

/** Every file under a folder, recursively; none when the folder does not exist. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
