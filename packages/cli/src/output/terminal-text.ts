/** Longest text (in code points) one value may take on a terminal line before it is cut. */
export const DEFAULT_MAX_TERMINAL_LENGTH = 200;

// C0 controls (tab and newline too: a table cell must stay on its line), DEL, C1 controls (0x9b is
// an 8-bit CSI on some terminals), the line/paragraph separators, bidi embeddings, overrides and
// isolates (they reorder what is shown), zero-width and BOM characters, and lone surrogates.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u001b": "\\e" };

function escapeOne(char: string): string {
  return NAMED[char] ?? `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`;
}

/**
 * The one way text from outside (an API response, a file name, stdin, an error's description)
 * reaches the terminal: every control character, escape-sequence introducer, bidi control and
 * lone surrogate is written as a visible escape (`\e`, `\n`, `\u{9b}`), so a hostile record
 * cannot move the cursor, recolour the screen, change the window title or reorder a line; and
 * the text is cut to `maxLength` code points, saying how long it was.
 *
 * @example
 * ```ts
 * quoteForTerminal("\u001b]0;pwned\u0007Invoice"); // "\\e]0;pwned\\u{7}Invoice"
 * quoteForTerminal("x".repeat(500), 10);           // "xxxxxxxxxx… (500 characters)"
 * ```
 */
export function quoteForTerminal(value: unknown, maxLength = DEFAULT_MAX_TERMINAL_LENGTH): string {
  const text = typeof value === "string" ? value : textOf(value);
  // Cut before escaping, so the bound is on what the source sent, and an escape is never split.
  const points = Array.from(text);
  const kept = points.length > maxLength ? points.slice(0, maxLength).join("") : text;
  const quoted = kept.replace(UNSAFE, escapeOne);
  return points.length > maxLength ? `${quoted}… (${points.length} characters)` : quoted;
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") {
    try {
      return JSON.stringify(value) ?? "";
    } catch {
      return "[unprintable]";
    }
  }
  return String(value);
}
