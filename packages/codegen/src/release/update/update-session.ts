import type { ResolvedConfig } from "../../config.js";
import { UPDATE_COMMAND } from "../command-names.js";
import { rootRelative } from "../root-path.js";
import type { Snapshot } from "./snapshot.js";
import type { TempWorkspace } from "./temp-workspace.js";
import type { UpdateArgs } from "./update-args.js";

/**
 * One run of the update: what it was asked, and what it has created so far. The signal handler,
 * the failure path and the dry run all undo exactly what is recorded here.
 */
export interface UpdateSession {
  args: UpdateArgs;
  /** The new spec, absolute. */
  input: string;
  config?: ResolvedConfig;
  work?: TempWorkspace;
  /** Set from the first write into the project on; cleared once the update is committed. */
  snapshot?: Snapshot;
}

/** Prefix of every line the update prints about itself. */
export const UPDATE_PREFIX = `${UPDATE_COMMAND}:`;

/** A path as the update shows it: relative to the project root when inside it. */
export function showPath(session: UpdateSession, path: string): string {
  return session.config ? rootRelative(session.config.root, path) : path;
}

/** A line of the report. */
export function log(line = ""): void {
  console.log(line);
}

/** A finished step. */
export function done(line: string): void {
  console.log(`  ✓ ${line}`);
}
