import { resolve } from "node:path";
import { loadConfig } from "../../config.js";
import { CodegenError } from "../../errors/CodegenError.js";
import { plural } from "../plural.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { applyUpdate } from "./apply-update.js";
import { invocationDir } from "./invocation-dir.js";
import { noteUnrecordedOverlays } from "./lock-note.js";
import { planUpdate } from "./plan-update.js";
import { onStopSignal, type StopSignal, signalExitCode } from "./signals.js";
import { parseUpdateArgs, UPDATE_USAGE } from "./update-args.js";
import { UPDATE_PREFIX, type UpdateSession } from "./update-session.js";

/** Where the update runs: the working directory and the environment (for `INIT_CWD`). */
export interface UpdateCommandOptions {
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * `faxkit-codegen update <file> [--dry-run] [--allow-same-version] [--skip-typecheck]
 * [--config <file>]`: takes a new vendor spec. It is rendered and diffed outside the project
 * first; then the spec is replaced as published, every output regenerated, the shipped code
 * type-checked, and a changeset and the spec lock written. Nothing is changed unless every step
 * succeeds; SIGINT and SIGTERM restore and clean up at any step. Returns the exit code: 0 updated
 * or nothing to do, 1 refused or failed, 2 bad arguments; a signal exits with 128 + its number.
 *
 * @example
 * ```ts
 * import { updateCommand } from "@faxkit/codegen";
 * process.exitCode = await updateCommand(["downloads/faxplus-3.5.0.yaml", "--dry-run"]);
 * ```
 */
export async function updateCommand(argv: readonly string[], options: UpdateCommandOptions = {}): Promise<number> {
  const parsed = parseUpdateArgs(argv);
  if (parsed.kind === "help") {
    console.log(UPDATE_USAGE);
    return 0;
  }
  if (parsed.kind === "error") {
    console.error(`${UPDATE_PREFIX} ${parsed.message}\n${UPDATE_USAGE}`);
    return 2;
  }
  const cwd = options.cwd ?? process.cwd();
  const session: UpdateSession = { args: parsed.args, input: resolve(invocationDir(options.env ?? process.env, cwd), parsed.args.file) };
  // Before anything is created: a signal at any step restores and cleans up.
  const stopListening = onStopSignal((signal) => stop(session, signal));
  try {
    session.config = await loadConfig(resolve(cwd, parsed.args.config));
    const plan = await planUpdate(session, session.config);
    if (plan === null) return 0;
    noteUnrecordedOverlays(session, plan);
    await applyUpdate(session, plan);
    return 0;
  } catch (error) {
    const changed = session.snapshot?.restore() ?? [];
    if (error instanceof ReleaseRefusal || error instanceof CodegenError) console.error(`\n${UPDATE_PREFIX} ${error.message}`);
    else console.error(`\n${UPDATE_PREFIX} unexpected failure: ${(error as Error)?.stack ?? String(error)}`);
    console.error(changed.length > 0 ? `Restored ${plural(changed.length, "file")}; nothing was changed.` : "Nothing was changed.");
    return 1;
  } finally {
    stopListening();
    session.work?.dispose();
  }
}

/** The signal path: restore synchronously, remove the temp folder, exit as the shell expects. */
function stop(session: UpdateSession, signal: StopSignal): never {
  const changed = session.snapshot?.restore() ?? [];
  console.error(
    `\n${UPDATE_PREFIX} interrupted (${signal}); ${changed.length > 0 ? `restored ${plural(changed.length, "file")}` : "nothing was changed"}.`,
  );
  session.work?.dispose();
  process.exit(signalExitCode(signal));
}
