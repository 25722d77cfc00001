/** Longest piece of a request that goes into an error description. */
const MAX_QUOTED_CHARS = 120;

/**
 * The one way a string taken from a request (a path, a header, a bit of a body, a message
 * that embeds one) enters an error description: cut to `maxChars` and JSON-quoted, so control
 * characters, quotes, newlines and lone surrogates come out escaped and nothing can grow the
 * answer or forge a line of a log.
 *
 * @example
 * ```ts
 * quoteRequestText("/v3/accounts/%ZZ"); // '"/v3/accounts/%ZZ"'
 * quoteRequestText("a\nb");             // '"a\\nb"'
 * ```
 */
export function quoteRequestText(text: string, maxChars = MAX_QUOTED_CHARS): string {
  if (text.length <= maxChars) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, maxChars))}… (${text.length} characters)`;
}
