import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The bin as users run it: bin/faxplus.js loads dist/cli.js (built by the global setup). */
export const BIN = fileURLToPath(new URL("../../bin/faxplus.js", import.meta.url));

/** Longest any one CLI run may take before the test kills it and fails. */
const RUN_LIMIT_MS = 15_000;

export interface CliResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

export interface RunOptions {
  /** Added to a clean environment (PATH and HOME only: no NO_COLOR, FORCE_COLOR or CI from the host). */
  env?: Record<string, string | undefined>;
  /** Written to stdin, then closed; default: stdin is /dev/null. */
  stdin?: string;
  cwd?: string;
  /** Another copy of the bin (default: this package's). */
  binary?: string;
  /** Kill the run (and fail) after this long; default {@link RUN_LIMIT_MS}. */
  limitMs?: number;
}

/** A running CLI: its process, what it printed so far, and its end. */
export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  done: Promise<CliResult>;
}

/** An environment with nothing from the host that changes how the CLI prints. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) env[name] = value;
  return env;
}

/**
 * Starts `faxplus args…` as a subprocess; `done` resolves when it exits, and the process is
 * killed (and the run fails) after {@link RUN_LIMIT_MS}.
 */
export function startCli(args: readonly string[], options: RunOptions = {}): RunningCli {
  const child = spawn(process.execPath, [options.binary ?? BIN, ...args], {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    stdio: [options.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  const out: Buffer[] = [];
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  const limit = options.limitMs ?? RUN_LIMIT_MS;
  const done = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`faxplus ${args.join(" ")} ran over ${limit} ms\nstderr: ${err}`));
    }, limit);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, signal, stdout: stdoutBytes.toString("utf8"), stdoutBytes, stderr: err });
    });
  });
  return { child, stdout: () => Buffer.concat(out).toString("utf8"), stderr: () => err, done };
}

/** Runs `faxplus args…` to its end. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/** Polls `check` every 20 ms until it is true, failing after `ms`. */
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
