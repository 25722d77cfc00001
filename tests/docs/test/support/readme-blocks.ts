/**
 * The TypeScript blocks of the READMEs, and what a README says about a block that is not a
 * whole program. A block is checked as written unless the HTML comment on the line before it
 * (invisible on GitHub, in plain sight in the file) is a marker:
 *
 * - `<!-- docs-check: assumes <TypeScript> -->` — the block is a fragment that uses names an
 *   earlier block or the surrounding text introduced; the marker declares them
 *   (`declare const fax: FaxPlusClient;`) and the block is still type-checked.
 * - `<!-- docs-check: skip <reason> -->` — not compiled; the reason is required.
 */

/** One fenced ```` ```ts ```` / ```` ```typescript ```` block. */
export interface ReadmeBlock {
  /** The README's path as given, for messages. */
  readme: string;
  /** 1-based line of the block's first code line in the README. */
  line: number;
  code: string;
  /** Declarations from an `assumes` marker, compiled ahead of the block. */
  assumes?: string;
  /** The reason from a `skip` marker. */
  skip?: string;
}

const OPENING = /^(\s*)```(ts|typescript)\s*$/;
const MARKER = /^\s*<!--\s*docs-check:\s*(assumes|skip)\b(.*?)-->\s*$/;
const ANY_MARKER = /docs-check/;

/** A README that breaks the marker rules: the message names the file and line. */
export class ReadmeMarkerError extends Error {
  override readonly name = "ReadmeMarkerError";
}

/** Every TypeScript block of `markdown`, markers applied. */
export function extractBlocks(markdown: string, readme: string): ReadmeBlock[] {
  const lines = markdown.split("\n");
  const blocks: ReadmeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const opening = OPENING.exec(line);
    if (!opening) {
      checkStrayMarker(lines, index, readme);
      continue;
    }
    const indent = opening[1] as string;
    const close = lines.findIndex((candidate, at) => at > index && candidate.trim() === "```");
    if (close === -1) throw new ReadmeMarkerError(`${readme}:${index + 1}: the code block is never closed`);
    const code = lines
      .slice(index + 1, close)
      .map((codeLine) => (codeLine.startsWith(indent) ? codeLine.slice(indent.length) : codeLine))
      .join("\n");
    blocks.push({ readme, line: index + 2, code: `${code}\n`, ...markerOf(lines[index - 1], readme, index) });
    index = close;
  }
  return blocks;
}

function markerOf(previous: string | undefined, readme: string, fenceIndex: number): Pick<ReadmeBlock, "assumes" | "skip"> {
  if (previous === undefined || !ANY_MARKER.test(previous)) return {};
  const marker = MARKER.exec(previous);
  if (!marker)
    throw new ReadmeMarkerError(`${readme}:${fenceIndex}: a docs-check marker must be "assumes <declarations>" or "skip <reason>"`);
  const text = (marker[2] as string).trim();
  if (text === "")
    throw new ReadmeMarkerError(
      `${readme}:${fenceIndex}: "docs-check: ${marker[1]}" needs ${marker[1] === "skip" ? "a reason" : "declarations"}`,
    );
  return marker[1] === "skip" ? { skip: text } : { assumes: text };
}

/** A marker applies to the block right below it; anywhere else it would silently apply to nothing. */
function checkStrayMarker(lines: string[], index: number, readme: string): void {
  if (!ANY_MARKER.test(lines[index] as string)) return;
  if (OPENING.test(lines[index + 1] ?? "")) return;
  throw new ReadmeMarkerError(`${readme}:${index + 1}: a docs-check marker must be the line right before a \`\`\`ts block`);
}
