import ts from "typescript";
import { CodegenError } from "../errors/CodegenError.js";

interface EmittedFile {
  readonly path: string;
  readonly content: string;
}

/**
 * The last guard between a hostile spec and the user's repo: every emitted TypeScript file
 * must at least parse. A quoting slip in an emitter then stops generation with exit 1
 * instead of writing code that does not compile (or that means something else).
 */
export function checkEmittedSyntax(files: readonly EmittedFile[]): void {
  for (const file of files) {
    if (!file.path.endsWith(".ts")) continue;
    const source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    // parseDiagnostics is not in the public typings, but it is what the parser fills in.
    const diagnostics = (source as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
    const first = diagnostics[0];
    if (first === undefined) continue;
    const where = first.start === undefined ? "" : `:${source.getLineAndCharacterOfPosition(first.start).line + 1}`;
    const reason = ts.flattenDiagnosticMessageText(first.messageText, " ");
    throw new CodegenError(
      "EMIT_FAILED",
      `the generator produced ${file.path}${where} that does not parse (${reason}); nothing was written. This is a generator bug: please report it with the spec.`,
    );
  }
}
