import { open } from "node:fs/promises";
import { quoteForTerminal } from "../output/terminal-text.js";
import { UsageError } from "./UsageError.js";

/** Largest token file read: a token is well under 4 KiB, so anything bigger is the wrong file. */
export const MAX_TOKEN_FILE_BYTES = 64 * 1024;

/**
 * The token in `path`: the whole file, surrounding whitespace dropped (a file written with
 * `echo` ends with a newline). The file's content is never quoted in an error.
 *
 * @example
 * ```ts
 * const token = await readTokenFile("/run/secrets/faxplus");
 * ```
 */
export async function readTokenFile(path: string): Promise<string> {
  const where = `--token-file ${quoteForTerminal(path)}`;
  let text: string;
  try {
    const handle = await open(path, "r");
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new UsageError(`${where} is not a regular file`);
      if (stats.size > MAX_TOKEN_FILE_BYTES)
        throw new UsageError(`${where} is larger than ${MAX_TOKEN_FILE_BYTES} bytes: not a token file`);
      text = await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${where} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const token = text.trim();
  if (token === "") throw new UsageError(`${where} is empty`);
  if (/[\r\n\0]/.test(token)) throw new UsageError(`${where} must hold the token alone, on one line`);
  return token;
}
