// JSON.stringify escapes C0 controls but writes C1 controls (an 8-bit CSI is U+009B), the line
// separators and bidi controls as they are; they only ever occur inside strings, so writing them
// as \u escapes keeps the document equal and makes it safe to print on a terminal too.
const RAW_IN_JSON = /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/**
 * The one JSON document a `--json` run prints: indented, every value as the API gave it (no
 * cutting: scripts need the data whole), with the characters a terminal could act on escaped.
 *
 * @example
 * ```ts
 * process.stdout.write(jsonDocument({ records }));
 * ```
 */
export function jsonDocument(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return `${text.replace(RAW_IN_JSON, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`)}\n`;
}
