import { resolve } from "node:path";
import { DEFAULT_CONFIG_FILE } from "../config.js";
import { shellWord } from "./shell-word.js";

/** The codegen's commands that other commands' messages send the user to. */
export type AdvisedCommand = "generate" | "check";

/**
 * The command line a message tells the user to run next: the codegen's own command (never a
 * script of some repository), with `--config` exactly as the user gave it when it is not the
 * default config of the working directory, so that the advice works where it was printed.
 *
 * @example
 * ```ts
 * commandLine("generate", undefined, "/app");                // "faxkit-codegen generate"
 * commandLine("generate", "api/faxkit.config.json", "/app"); // "faxkit-codegen generate --config api/faxkit.config.json"
 * ```
 */
export function commandLine(command: AdvisedCommand, config: string | undefined, cwd: string): string {
  const base = `faxkit-codegen ${command}`;
  if (config === undefined || resolve(cwd, config) === resolve(cwd, DEFAULT_CONFIG_FILE)) return base;
  return `${base} --config ${shellWord(config)}`;
}
