import { existsSync } from "node:fs";
import { writeOutputSet } from "../../write/atomic-write.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { isJsonObject, readJsonFile } from "../read-json-file.js";
import type { LockEntry, SpecLock } from "./spec-lock.js";

/**
 * The lock at `path`, or null when there is none. A lock that is not JSON or not of the lock's
 * shape is refused with a message naming it as `shown`.
 *
 * @example
 * ```ts
 * import { readLock } from "@faxkit/codegen";
 * const lock = readLock("openapi/spec-lock.json", "openapi/spec-lock.json");
 * ```
 */
export function readLock(path: string, shown: string): SpecLock | null {
  if (!existsSync(path)) return null;
  const lock = readJsonFile(path, shown);
  if (!isLock(lock))
    throw new ReleaseRefusal(
      `${shown} does not have the expected shape ({ specVersion, spec: { path, sha256 }, overlays: [...], changeset }).`,
    );
  // Older locks may leave either field out; both mean "none".
  return { ...lock, specVersion: lock.specVersion ?? null, changeset: lock.changeset ?? null };
}

/**
 * Writes the lock as Biome formats JSON (two spaces, one entry per line, final newline), with
 * the codegen's atomic write: a crash leaves the old lock or the new one, never half of one.
 */
export async function writeLock(path: string, lock: SpecLock): Promise<void> {
  await writeOutputSet({ files: [{ path, content: `${JSON.stringify(lock, null, 2)}\n` }], ownedFolders: [] });
}

function isEntry(value: unknown): value is LockEntry {
  return isJsonObject(value) && typeof value.path === "string" && typeof value.sha256 === "string";
}

function isLock(value: unknown): value is SpecLock {
  if (!isJsonObject(value) || !isEntry(value.spec) || !Array.isArray(value.overlays) || !value.overlays.every(isEntry)) return false;
  const optionalString = (field: unknown) => field === undefined || field === null || typeof field === "string";
  return optionalString(value.specVersion) && optionalString(value.changeset);
}
