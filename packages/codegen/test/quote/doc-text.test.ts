import * as fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { docComment, quoteDocLine, quoteDocText } from "../../src/quote/doc-text.js";

/** Compiles `comment` followed by a declaration with no error: a surviving directive fails it (TS2578). */
function diagnosticsAfter(comment: string): string[] {
  const source = `${comment}export const answer: number = 42;\n`;
  const host = ts.createCompilerHost({ noEmit: true, strict: true, types: [], noLib: true });
  const read = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) =>
    name === "/doc.ts" ? ts.createSourceFile(name, source, version) : read.call(host, name, version, ...rest);
  host.fileExists = (name) => name === "/doc.ts";
  const program = ts.createProgram(["/doc.ts"], { noEmit: true, strict: true, types: [], noLib: true }, host);
  const file = program.getSourceFile("/doc.ts") as ts.SourceFile;
  const statements = file.statements.length;
  return [
    ...program.getSyntacticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    ...(statements === 1 ? [] : [`expected one statement, got ${statements}`]),
    ...program
      .getSemanticDiagnostics(file)
      .filter((d) => d.code === 2578)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
  ];
}

describe("quoteDocText", () => {
  it.each([
    ["ends */ here", "ends *\\/ here"],
    ["a\r\nb\rc\u2028d\u2029e", "a\nb\nc\nd\ne"],
    ["nul\0bell\u0007", "nul\uFFFDbell\uFFFD"],
    ["@ts-expect-error", "\\@ts-expect-error"],
    ["/*#__PURE__*/ @__NO_SIDE_EFFECTS__", "/*#\\_\\_PURE__*\\/ @\\_\\_NO_SIDE_EFFECTS__"],
    ["A fax, as sent.\n\nWith `code`.", "A fax, as sent.\n\nWith `code`."],
  ])("%j → %j", (text, expected) => {
    expect(quoteDocText(text)).toBe(expected);
  });

  it("one-line text has no line break", () => {
    expect(quoteDocLine("a\u2028b\nc")).toBe("a b c");
  });

  it("whatever the text, a JSDoc block or one-line comment of it is only a comment", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom("*/", "/*", "\u2028", "\r", "\n", "@ts-expect-error", "@ts-ignore", "\0"), fc.string()), {
          maxLength: 6,
        }),
        (parts) => {
          const text = parts.join("");
          expect(diagnosticsAfter(docComment(text.trim() === "" ? "x" : text))).toEqual([]);
          expect(diagnosticsAfter(`/** ${quoteDocLine(text)} */\n`)).toEqual([]);
        },
      ),
      { seed: 14, numRuns: 200 },
    );
  });
});
