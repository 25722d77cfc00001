import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ResolvedConfig } from "../../config.js";
import { rootRelative } from "../root-path.js";

/** One locked file: its path relative to the project root and the SHA-256 of its bytes. */
export interface LockEntry {
  path: string;
  sha256: string;
}

/**
 * `spec-lock.json`: which spec and overlays were last released, by content. A spec or overlay
 * edit that the lock does not record has not been released with a changeset yet.
 */
export interface SpecLock {
  $comment?: string;
  /** The spec's `info.version`, or null when it has none. */
  specVersion: string | null;
  spec: LockEntry;
  overlays: LockEntry[];
  /** The changeset that released the recorded state (root-relative), or null. */
  changeset: string | null;
}

/** How a file differs from the lock. */
export interface LockDifference {
  path: string;
  status: "changed" | "added" | "removed";
}

/** Name of the lock file; it lives beside the spec (`openapi/spec-lock.json` for `openapi/faxplus.yaml`). */
export const LOCK_FILE_NAME = "spec-lock.json";

const LOCK_COMMENT =
  "Written by `faxkit-codegen update` and `faxkit-codegen guard --record`; checked in CI by `faxkit-codegen guard`. Do not edit.";

/** Absolute path of the lock of a config. */
export function lockPath(config: ResolvedConfig): string {
  return join(dirname(config.spec), LOCK_FILE_NAME);
}

/** Hex SHA-256 of some bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The lock for the spec and overlays of `config` as they are on disk now (overlays sorted by
 * path). `specVersion` is passed in: the caller reads it from the spec, or keeps the recorded one.
 *
 * @example
 * ```ts
 * import { computeLock, loadConfig } from "@faxkit/codegen";
 * const lock = computeLock(await loadConfig(), { specVersion: "3.4.0", changeset: null });
 * ```
 */
export function computeLock(config: ResolvedConfig, fields: { specVersion: string | null; changeset: string | null }): SpecLock {
  const entry = (path: string): LockEntry => ({ path: rootRelative(config.root, path), sha256: sha256(readFileSync(path)) });
  return {
    $comment: LOCK_COMMENT,
    specVersion: fields.specVersion,
    spec: entry(config.spec),
    overlays: config.overlays.map(entry).sort((a, b) => a.path.localeCompare(b.path)),
    changeset: fields.changeset,
  };
}

/**
 * What differs between a recorded lock and the files now, sorted by path.
 *
 * @example
 * ```ts
 * import { compareLock } from "@faxkit/codegen";
 * compareLock(recorded, current); // [{ path: "openapi/overlays/03.yaml", status: "changed" }]
 * ```
 */
export function compareLock(lock: Pick<SpecLock, "spec" | "overlays">, current: Pick<SpecLock, "spec" | "overlays">): LockDifference[] {
  const before = new Map([lock.spec, ...lock.overlays].map((e) => [e.path, e.sha256]));
  const after = new Map([current.spec, ...current.overlays].map((e) => [e.path, e.sha256]));
  const differences: LockDifference[] = [];
  for (const [path, hash] of after) {
    if (!before.has(path)) differences.push({ path, status: "added" });
    else if (before.get(path) !== hash) differences.push({ path, status: "changed" });
  }
  for (const path of before.keys()) if (!after.has(path)) differences.push({ path, status: "removed" });
  return differences.sort((a, b) => a.path.localeCompare(b.path));
}
