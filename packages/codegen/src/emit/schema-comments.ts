import ts from "typescript";
import { quoteDocText } from "../quote/doc-text.js";

/**
 * openapi-typescript turns titles, descriptions, examples and defaults into JSDoc and escapes
 * the comment end, but it leaves `\r`, U+2028 and U+2029 (line ends to TypeScript, so a line can start
 * with `@ts-expect-error` and become a directive) and control characters alone. This passes
 * the text of every comment it attached to the syntax tree through {@link quoteDocText}, the
 * same function our own comments use, before the tree is printed.
 */
export function quoteSchemaComments(nodes: readonly ts.Node[]): void {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    const comments = ts.getSyntheticLeadingComments(node);
    if (comments !== undefined && comments.length > 0) ts.setSyntheticLeadingComments(node, comments.map(quoteComment));
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
}

function quoteComment(comment: ts.SynthesizedComment): ts.SynthesizedComment {
  const quoted = quoteDocText(comment.text);
  // A `//` comment ends at the first line break: keep it on one line.
  const text = comment.kind === ts.SyntaxKind.SingleLineCommentTrivia ? quoted.replaceAll("\n", " ") : quoted;
  return text === comment.text ? comment : { ...comment, text };
}
