import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { ResolvedConfig } from "../../config.js";
import { changesetReleasesOf, pendingChangesets } from "../changesets/pending.js";
import { SPEC_PACKAGE } from "../command-names.js";
import { readLock, writeLock } from "../lock/lock-file.js";
import { compareLock, computeLock, type SpecLock } from "../lock/spec-lock.js";
import { readSpecVersion } from "../lock/spec-version.js";
import { plural } from "../plural.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { rootRelative } from "../root-path.js";
import type { GuardResult } from "./check-lock.js";
import { missingChangesetHint } from "./fix-hint.js";
import { type GuardContext, guardContext } from "./guard-context.js";

/**
 * The guard's record mode: writes the lock for the spec and overlays as they are now. Refused
 * unless a pending changeset, other than the one already recorded, names the spec package
 * (`changeset` picks it; otherwise the newest qualifying one). Without a lock yet, the first one
 * is written without a changeset: the state on disk is taken as the released one.
 *
 * @example
 * ```ts
 * import { loadConfig, recordLock } from "@faxkit/codegen";
 * const result = await recordLock(await loadConfig(), { changeset: ".changeset/email-pattern.md" });
 * ```
 */
export async function recordLock(config: ResolvedConfig, options: { changeset?: string } = {}): Promise<GuardResult> {
  const context = guardContext(config);
  const lock = readLockOrNull(context);
  const current = computeLock(config, { specVersion: await readSpecVersion(config.spec), changeset: null });
  const unchanged = lock !== null && compareLock(lock, current).length === 0 && lock.specVersion === current.specVersion;
  if (unchanged && options.changeset === undefined)
    return { ok: true, message: `${context.lockShown} is already up to date (spec ${current.specVersion}); nothing written.` };
  let changeset: string | null;
  try {
    changeset = releasingChangeset(context, lock, options.changeset);
  } catch (error) {
    if (error instanceof ReleaseRefusal) return { ok: false, message: error.message };
    throw error;
  }
  const next: SpecLock = { ...current, changeset };
  await writeLock(context.lockFile, next);
  const count = 1 + next.overlays.length;
  return {
    ok: true,
    message: `recorded ${plural(count, "file")} (spec ${next.specVersion}) in ${context.lockShown}${changeset ? `, released by ${changeset}` : ""}.`,
  };
}

/** An unreadable lock is rewritten under the same rule as a changed one, so it is read as absent. */
function readLockOrNull(context: GuardContext): SpecLock | null {
  try {
    return readLock(context.lockFile, context.lockShown);
  } catch (error) {
    if (error instanceof ReleaseRefusal) return null;
    throw error;
  }
}

/** The changeset the record names: the chosen one (checked), the newest qualifying one, or none for a first lock. */
function releasingChangeset(context: GuardContext, lock: SpecLock | null, chosen: string | undefined): string | null {
  if (chosen !== undefined) {
    const file = rootRelative(context.root, resolve(context.root, chosen));
    if (isAbsolute(file)) throw new ReleaseRefusal(`--changeset ${chosen}: not a file of this project's .changeset folder.`);
    if (!existsSync(join(context.root, file))) throw new ReleaseRefusal(`--changeset ${chosen}: no such file.`);
    if (changesetReleasesOf(context.root, file)[SPEC_PACKAGE] === undefined)
      throw new ReleaseRefusal(`--changeset ${file} does not name "${SPEC_PACKAGE}" in its front matter.`);
    return file;
  }
  if (lock === null) return null;
  const candidates = pendingChangesets(context.root).filter((c) => c.releases[SPEC_PACKAGE] !== undefined && c.file !== lock.changeset);
  const newest = candidates[0];
  if (newest === undefined) throw new ReleaseRefusal(missingChangesetHint(lock.changeset));
  return newest.file;
}
