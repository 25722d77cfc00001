import { GUARD_COMMAND } from "../command-names.js";
import { readLock } from "../lock/lock-file.js";
import { compareLock, computeLock, lockPath } from "../lock/spec-lock.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import type { UpdatePlan } from "./plan-update.js";
import { log, showPath, UPDATE_PREFIX, type UpdateSession } from "./update-session.js";

/**
 * Overlay edits not yet recorded in the lock are part of this diff, and the lock the update
 * writes will record them: say so, so that nobody is surprised to find them in the changeset.
 */
export function noteUnrecordedOverlays(session: UpdateSession, plan: UpdatePlan): void {
  const file = lockPath(plan.config);
  let lock: ReturnType<typeof readLock>;
  try {
    lock = readLock(file, showPath(session, file));
  } catch (error) {
    // A broken lock is rewritten by this update; the guard reports it until then.
    if (error instanceof ReleaseRefusal) return;
    throw error;
  }
  if (lock === null) return;
  const current = computeLock(plan.config, { specVersion: lock.specVersion, changeset: lock.changeset });
  const unrecorded = compareLock(lock, current).filter((d) => d.path !== lock.spec.path);
  if (unrecorded.length === 0) return;
  log(
    `\n${UPDATE_PREFIX} note: ${unrecorded.map((d) => `${d.path} (${d.status})`).join(", ")} differ from ${showPath(session, file)}; ` +
      `their changes are part of this diff and the lock will record them (no separate \`${GUARD_COMMAND} --record\` needed).`,
  );
}
