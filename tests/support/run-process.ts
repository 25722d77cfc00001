/**
 * Runs a command to completion and reports how it ended, never throwing on a non-zero
 * exit: the tests put the tool's own output into their failure messages. Shared by the
 * consumer and runtime suites (the release suites use run-command.ts, which also isolates
 * a repository copy's environment).
 */
import { spawn } from "node:child_process";

/** How a finished command ended. */
export interface RunResult {
  /** Exit code, or `null` when it was killed (see `signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The command line, then stdout and stderr: what a failure message shows. */
  report: string;
}

/** Options of {@link run}. */
export interface RunOptions {
  cwd: string;
  /** Kill the command after this many ms (default 60,000); it then ends with `signal` set. */
  timeout?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * @example
 * ```ts
 * const result = await run("npm", ["--version"], { cwd: process.cwd() });
 * expect(result.code, result.report).toBe(0);
 * ```
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeout ?? 60_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code, signal) => {
      const line = [command, ...args].join(" ");
      const report = `$ ${line}  (in ${options.cwd}; exit ${code ?? signal})\n--- stdout\n${stdout}\n--- stderr\n${stderr}`;
      resolve({ code, signal, stdout, stderr, report });
    });
  });
}
