import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ResolvedConfig } from "../../config.js";
import { changesetReleasesOf, pendingChangesets } from "../changesets/pending.js";
import { GUARD_COMMAND, SPEC_PACKAGE } from "../command-names.js";
import { readLock } from "../lock/lock-file.js";
import { compareLock, computeLock, type LockDifference } from "../lock/spec-lock.js";
import { plural } from "../plural.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { fixHint } from "./fix-hint.js";
import { guardContext } from "./guard-context.js";

/** A guard verdict: the message to print (stdout when ok, stderr otherwise). */
export interface GuardResult {
  ok: boolean;
  message: string;
  /** In check mode, the files that differ from the lock. */
  differences?: LockDifference[];
}

/**
 * The guard's check: the spec and overlays of `config` match the lock, and the changeset the
 * lock names still releases the spec package. Writes nothing.
 *
 * @example
 * ```ts
 * import { checkLock, loadConfig } from "@faxkit/codegen";
 * const result = checkLock(await loadConfig("faxkit.config.json"));
 * if (!result.ok) console.error(result.message);
 * ```
 */
export function checkLock(config: ResolvedConfig): GuardResult {
  const context = guardContext(config);
  const { lockShown } = context;
  let lock: ReturnType<typeof readLock>;
  try {
    lock = readLock(context.lockFile, lockShown);
  } catch (error) {
    if (!(error instanceof ReleaseRefusal)) throw error;
    return { ok: false, message: `${error.message}\nRestore it from git, or rewrite it with \`${GUARD_COMMAND} --record\`.` };
  }
  if (lock === null)
    return {
      ok: false,
      message: `${lockShown} is missing, so nothing says which spec and overlays were released.\nWrite it with \`${GUARD_COMMAND} --record\` and commit it.`,
    };
  const current = computeLock(config, { specVersion: lock.specVersion, changeset: lock.changeset });
  const differences = compareLock(lock, current);
  if (differences.length > 0) {
    const width = Math.max(...differences.map((d) => d.status.length));
    const pending = pendingChangesets(context.root).filter((c) => c.releases[SPEC_PACKAGE] !== undefined && c.file !== lock.changeset);
    const lines = [
      `the spec or the overlays differ from ${lockShown} (spec ${lock.specVersion ?? "?"}):`,
      ...differences.map((d) => `  ${d.status.padEnd(width)}  ${d.path}`),
      "",
      fixHint(context.fixedGroup, context.specShown),
    ];
    if (pending.length > 0)
      lines.push(
        "",
        `A pending changeset names ${SPEC_PACKAGE} (${pending.map((c) => c.file).join(", ")}): if it describes this change, run \`${GUARD_COMMAND} --record\`.`,
      );
    return { ok: false, message: lines.join("\n"), differences };
  }
  // The recorded changeset may have been edited since: one that no longer releases the spec package
  // proves nothing. Once `changeset version` has consumed it (the file is gone) the release is made.
  if (
    lock.changeset &&
    existsSync(join(context.root, lock.changeset)) &&
    changesetReleasesOf(context.root, lock.changeset)[SPEC_PACKAGE] === undefined
  )
    return {
      ok: false,
      message: `${lockShown} names ${lock.changeset} as the changeset of the recorded change, but it no longer names "${SPEC_PACKAGE}".\n${fixHint(context.fixedGroup, context.specShown)}`,
    };
  return {
    ok: true,
    message: `${current.spec.path} (spec ${lock.specVersion ?? "?"}) and ${plural(current.overlays.length, "overlay")} match ${lockShown}.`,
  };
}
