import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";

export interface ChromiumProcess {
  pid: number;
  ppid: number;
  /** From `/proc/<pid>/stat`: `R`, `S`, …, or `Z` (exited, not yet reaped by its parent). */
  state: string;
  /** The command line, for messages. */
  command: string;
}

/** What `pgrep -f chromium` matches, with each process's parent, state and command line. */
export async function chromiumProcesses(): Promise<ChromiumProcess[]> {
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile("pgrep", ["-f", "chromium"], { timeout: 5_000 }, (error, out) => {
      // pgrep exits with 1 when nothing matched.
      if (error && (error as { code?: unknown }).code !== 1) reject(error);
      else resolve(out);
    });
  });
  const pids = stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map(Number);
  const found = await Promise.all(
    pids.map(async (pid): Promise<ChromiumProcess | undefined> => {
      try {
        const stat = await readFile(`/proc/${pid}/stat`, "utf8");
        const [state = "?", ppid = "0"] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const command = (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0").join(" ").trim();
        return { pid, ppid: Number(ppid), state, command: command.slice(0, 160) || stat.slice(0, stat.lastIndexOf(")") + 1) };
      } catch {
        return undefined; // gone meanwhile
      }
    }),
  );
  return found.filter((entry): entry is ChromiumProcess => entry !== undefined);
}
