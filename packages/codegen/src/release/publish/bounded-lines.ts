/** Lines a refusal lists before it says how many more there are: a message stays readable. */
export const MAX_LISTED_LINES = 20;

/**
 * The first {@link MAX_LISTED_LINES} lines, then `… and N more`: for lists that grow with the
 * project (changesets, changed files).
 *
 * @example
 * ```ts
 * boundedLines(["a", "b"]); // "a\nb"
 * ```
 */
export function boundedLines(lines: readonly string[], max = MAX_LISTED_LINES): string {
  if (lines.length <= max) return lines.join("\n");
  return [...lines.slice(0, max), `… and ${lines.length - max} more`].join("\n");
}
