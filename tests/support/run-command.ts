// Running the repository's own tools (pnpm, git, changeset, the spec scripts) in a temporary
// copy of the repository, for the release and spec-update suites. One place for the child
// environment, so both suites isolate their children the same way.
import { spawn } from "node:child_process";

/** A loopback port nothing listens on: the registry every child gets unless a test passes its own fake. */
export const CLOSED_REGISTRY = "http://127.0.0.1:9/";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  /** Registry for npm and pnpm (default: {@link CLOSED_REGISTRY}, so nothing reaches a real one). */
  registry?: string;
  /** Git author and committer name of commits made in the copy (default `faxkit-tests`). */
  gitName?: string;
}

/**
 * The environment of every child: no inherited npm/pnpm config, a registry that is not the real
 * one, no colours, no telemetry, a neutral git with a fixed author.
 */
export function childEnv({ registry = CLOSED_REGISTRY, gitName = "faxkit-tests" }: Omit<RunOptions, "cwd"> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm|pnpm)_config_/i.test(key) && key !== "FORCE_COLOR" && key !== "INIT_CWD") env[key] = value;
  }
  return {
    ...env,
    pnpm_config_registry: registry,
    npm_config_registry: registry,
    // pnpm 12 installs before `pnpm <script>` when node_modules looks stale; copies may have none on purpose.
    pnpm_config_verify_deps_before_run: "false",
    NO_COLOR: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_AUTHOR_NAME: gitName,
    GIT_AUTHOR_EMAIL: `${gitName}@example.invalid`,
    GIT_COMMITTER_NAME: gitName,
    GIT_COMMITTER_EMAIL: `${gitName}@example.invalid`,
  };
}

/**
 * Runs a command to its end without blocking the event loop (vitest's timeouts still work, and a
 * test's fake registry can answer meanwhile).
 *
 * @example
 * ```ts
 * const { code, output } = await run("git", ["status", "--porcelain"], { cwd: copy });
 * ```
 */
export function run(command: string, args: string[], { cwd, ...env }: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, output }));
  });
}

/** {@link run}, throwing with the whole output when the command does not exit 0. */
export async function runOrThrow(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.code}:\n${result.output}`);
  return result;
}
