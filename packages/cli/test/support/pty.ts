import { spawn } from "node:child_process";
import { BIN, cleanEnv } from "./run-cli.js";

/** util-linux `script`: runs a command on a pseudo-terminal, so the CLI sees a real TTY. */
export const SCRIPT = "/usr/bin/script";

const PTY_LIMIT_MS = 15_000;

/** Single-quotes `value` for sh. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * Runs `faxplus args…` (with `stdinFile` as its stdin, if given) on a pseudo-terminal through
 * `script -qfec`, and resolves with everything the terminal received (stdout and stderr together,
 * escape sequences included) and the exit code.
 */
export function runOnTerminal(
  args: readonly string[],
  env: Record<string, string>,
  stdinFile?: string,
  { sized = true }: { sized?: boolean } = {},
): Promise<{ code: number | null; screen: string }> {
  // A pseudo-terminal starts 0 columns wide; give it a size, as a terminal window has.
  const command =
    (sized ? "stty cols 160 rows 40; " : "") +
    [process.execPath, BIN, ...args].map(shellQuote).join(" ") +
    (stdinFile ? ` < ${shellQuote(stdinFile)}` : "");
  const child = spawn(SCRIPT, ["-qfec", command, "/dev/null"], {
    env: cleanEnv({ TERM: "xterm-256color", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a run over the limit is killed with the shell and the CLI under it.
    detached: true,
  });
  let screen = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    screen += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    screen += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      reject(new Error(`script ${command} ran over ${PTY_LIMIT_MS} ms\n${screen}`));
    }, PTY_LIMIT_MS);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}
