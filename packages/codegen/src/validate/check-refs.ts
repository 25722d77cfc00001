import { CodegenError } from "../errors/CodegenError.js";
import { escapeToken, getAt, parsePointer } from "../load/json-pointer.js";
import type { SourceDocument } from "../load/source-document.js";
import { quoteSpecValue } from "../quote/spec-value-text.js";
import { checkRefChain } from "./check-ref-chains.js";

/**
 * Checks every Reference Object (OpenAPI 3.0.3, §4.7.23): it must be local (`#/…`), point
 * at something that exists, and, when that is a reference again, lead to a value within
 * a bounded chain ({@link checkRefChain}). A recursive schema is fine: nothing is expanded.
 */
export function checkRefs(document: unknown, source: SourceDocument): void {
  // Iterative walk: large specs nest deeply and a recursive walk costs stack and time.
  const stack: { node: unknown; pointer: string }[] = [{ node: document, pointer: "" }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop() as { node: unknown; pointer: string };
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], pointer: `${pointer}/${i}` });
      continue;
    }
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === "string") {
      checkRef(document, ref, `${pointer}/$ref`, source);
      checkRefChain(document, ref, `${pointer}/$ref`, source);
    }
    // Pushed in reverse, so the first problem in document order is the one reported.
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child = record[key];
      if (child !== null && typeof child === "object") stack.push({ node: child, pointer: `${pointer}/${escapeToken(key)}` });
    }
  }
}

function checkRef(document: unknown, ref: string, at: string, source: SourceDocument): void {
  if (!ref.startsWith("#")) {
    throw new CodegenError(
      "UNSUPPORTED_REF",
      `$ref "${quoteSpecValue(ref)}" points outside this document; only local references ("#/components/…") are supported — bundle the spec into one file first.`,
      source.locate(at),
    );
  }
  let tokens: string[];
  try {
    tokens = parsePointer(decodeURIComponent(ref.slice(1)));
  } catch {
    throw new CodegenError("UNRESOLVED_REF", `$ref "${quoteSpecValue(ref)}" is not a valid JSON pointer.`, source.locate(at));
  }
  if (getAt(document, tokens) === undefined) {
    throw new CodegenError(
      "UNRESOLVED_REF",
      `$ref "${quoteSpecValue(ref)}" points nowhere: nothing exists at ${quoteSpecValue(ref.slice(1) || "/")} in the document.`,
      source.locate(at),
    );
  }
}
