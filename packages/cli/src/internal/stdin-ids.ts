import type { Readable } from "node:stream";
import { UsageError } from "./UsageError.js";

/** Most IDs read from stdin: 1,000 bulk requests' worth. */
export const MAX_STDIN_IDS = 100_000;
/** Longest stdin line, in characters (an ID is at most 32; a line may hold several, space-separated). */
export const MAX_STDIN_LINE = 1_024;

export interface StdinLimits {
  maxIds: number;
  maxLine: number;
}

/**
 * IDs read from `stream`: whitespace-separated, usually one per line; blank lines are skipped.
 * Reading stops with a {@link UsageError} at the first line longer than `maxLine` or the ID past
 * `maxIds`, so memory stays bounded whatever is piped in (a line is never held whole first).
 *
 * @example
 * ```ts
 * const ids = await readIds(process.stdin); // from `jq -r '.records[].id' | faxplus faxes mark-read -`
 * ```
 */
export async function readIds(
  stream: Readable,
  limits: StdinLimits = { maxIds: MAX_STDIN_IDS, maxLine: MAX_STDIN_LINE },
): Promise<string[]> {
  const ids: string[] = [];
  const decoder = new TextDecoder("utf-8");
  let line = "";
  let lineNumber = 1;
  const endLine = () => {
    for (const id of line.split(/\s+/)) {
      if (id === "") continue;
      if (ids.length >= limits.maxIds) throw new UsageError(`stdin holds more than ${limits.maxIds} IDs; split the list into several runs`);
      ids.push(id);
    }
    line = "";
    lineNumber++;
  };
  const take = (text: string) => {
    const parts = text.split("\n");
    for (const [index, part] of parts.entries()) {
      line += part;
      if (line.length > limits.maxLine)
        throw new UsageError(`stdin line ${lineNumber} is longer than ${limits.maxLine} characters; expected one ID per line`);
      if (index < parts.length - 1) endLine();
    }
  };
  try {
    for await (const chunk of stream) take(typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    take(decoder.decode());
    endLine();
  } finally {
    stream.destroy();
  }
  return ids;
}
