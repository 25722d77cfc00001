/**
 * The one way text from the spec (descriptions, titles, summaries, names) goes into a
 * comment of generated code. The result never holds `*` followed by `/` (which would end the
 * comment and let the rest run as code), no line terminator but `\n` (`\r`, U+2028 and U+2029 end lines too,
 * and a line that does not start with ` * ` could start with a directive), no other control
 * character, and no `@ts-` or `@__`/`#__` token (TypeScript's `@ts-expect-error` /
 * `@ts-expect-error` directives and bundlers' `__PURE__`-style annotations are read from
 * comments). Everything else is kept, so the documentation still reads as the vendor wrote it.
 *
 * @example
 * ```ts
 * quoteDocText("ends *" + "/ here\u2028@ts-expect-error"); // "ends *\\/ here\n\\@ts-expect-error"
 * ```
 */
export function quoteDocText(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029]/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
      .replaceAll("*/", "*\\/")
      .replace(/(?<!\\)@ts-/gi, "\\@ts-")
      .replace(/([@#])__/g, "$1\\_\\_")
  );
}

/**
 * A JSDoc block for `text`, each line behind ` * `, at the given indentation. Empty lines stay
 * empty (` *`), trailing spaces go.
 *
 * @example
 * ```ts
 * docComment("A fax.\n\nSent or received."); // "/**\n * A fax.\n *\n * Sent or received.\n *\/\n"
 * ```
 */
export function docComment(text: string, indent = ""): string {
  const lines = quoteDocText(text.trim()).split("\n");
  const body = lines.map((line) => (line.trim() === "" ? `${indent} *` : `${indent} * ${line.trimEnd()}`)).join("\n");
  return `${indent}/**\n${body}\n${indent} */\n`;
}

/**
 * {@link quoteDocText} for a comment that must stay on one line (`/** … *\/` on one line, or
 * `//`): line breaks become spaces.
 *
 * @example
 * ```ts
 * quoteDocLine("two\nlines"); // "two lines"
 * ```
 */
export function quoteDocLine(text: string): string {
  return quoteDocText(text).replaceAll("\n", " ");
}
