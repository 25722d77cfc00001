/**
 * The one way a string from the spec becomes a JavaScript (and TypeScript) string literal.
 *
 * JSON.stringify already escapes quotes, backslashes, control characters and lone
 * surrogates. On top of that, U+2028 and U+2029 are escaped (they end a line in older
 * engines and in many tools that split on them), and `</script` and `<!--` are broken up so
 * that generated code stays inert when a bundle is inlined into an HTML `<script>` element.
 *
 * @example
 * ```ts
 * quoteJsString("a\u2028b</script>"); // "\"a\\u2028b<\\/script>\""
 * ```
 */
export function quoteJsString(text: string): string {
  return JSON.stringify(text)
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029")
    .replace(/<\/(script)/gi, "<\\/$1")
    .replaceAll("<!--", "<\\u0021--");
}
