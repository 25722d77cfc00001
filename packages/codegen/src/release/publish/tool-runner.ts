import { spawnSync } from "node:child_process";
import { ReleaseRefusal } from "../ReleaseRefusal.js";

/** How a tool run ended, and what it printed when its output was captured. */
export interface ToolResult {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a tool in the project. `capture: false` lets its output through to the terminal (a
 * build or a test run); `capture: true` returns it for reading.
 */
export type RunTool = (command: string, args: readonly string[], options?: { capture?: boolean }) => ToolResult;

/** Captured output past this is not a package list or a dry run of a few packages: the run is refused. */
export const MAX_TOOL_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * The environment every tool gets: `--registry` for both pnpm (`pnpm_config_*`) and npm
 * (`npm_config_*`, which `changeset publish` uses for `npm info`), and no telemetry.
 */
export function releaseEnv(base: NodeJS.ProcessEnv, registry: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
  if (registry !== undefined) Object.assign(env, { pnpm_config_registry: registry, npm_config_registry: registry });
  return env;
}

/**
 * A {@link RunTool} that spawns each tool in `root` with `env`. A tool that cannot be started
 * (not installed, output past {@link MAX_TOOL_OUTPUT_BYTES}) is a refusal naming it.
 */
export function spawnTool(root: string, env: NodeJS.ProcessEnv): RunTool {
  return (command, args, { capture = false } = {}) => {
    const result = spawnSync(command, [...args], {
      cwd: root,
      env,
      encoding: "utf8",
      stdio: capture ? "pipe" : "inherit",
      maxBuffer: MAX_TOOL_OUTPUT_BYTES,
    });
    if (result.error) throw new ReleaseRefusal(`could not run ${command}: ${result.error.message}`);
    return { status: result.status, signal: result.signal, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
  };
}

/** How a failed run is named in a message: its exit code, or the signal that ended it. */
export function exitLabel(result: ToolResult): string {
  return String(result.status ?? result.signal);
}
