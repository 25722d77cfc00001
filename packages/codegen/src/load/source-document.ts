import { readFile } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { CodegenError, type SourceLocation } from "../errors/CodegenError.js";
import { MAX_NESTING_DEPTH, YAML_MAX_ALIAS_COUNT } from "./input-limits.js";
import { parsePointer, toPointer } from "./json-pointer.js";
import { findJsonSyntaxError } from "./json-syntax-error.js";
import { assertNestingDepth, nestingTooDeep } from "./nesting-depth.js";
import { findTooDeepYaml } from "./yaml-nesting-depth.js";

/**
 * A parsed input file (spec or overlay) that remembers where its nodes came from, so
 * that later stages can point at `file:line:column` for any JSON pointer.
 */
export interface SourceDocument {
  /** Display path (relative to the working directory). */
  readonly file: string;
  /** Plain JSON value of the whole file. */
  readonly value: unknown;
  /** Location of the node at `pointer`; line/column are filled in for YAML sources. */
  locate(pointer: string, tokens?: readonly string[]): SourceLocation;
}

/** Path as shown in messages: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || isAbsolute(rel) ? path : rel;
}

/**
 * Reads and parses a YAML or JSON file. JSON (by extension) goes through `JSON.parse`
 * for speed on large specs; everything else through the YAML 1.2 parser, which also
 * rejects duplicate keys.
 */
export async function readSourceDocument(path: string): Promise<SourceDocument> {
  const file = displayPath(path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new CodegenError("FILE_NOT_FOUND", `cannot read ${file}: ${reason}.`);
  }
  return path.endsWith(".json") ? parseJsonSource(file, text) : parseYamlSource(file, text);
}

/**
 * Parses JSON text, turning a syntax error's offset into line and column. A document
 * nested deeper than {@link MAX_NESTING_DEPTH} is refused.
 */
export function parseJsonSource(file: string, text: string): SourceDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    const location: SourceLocation = { file, ...lineAndColumn(text, syntax?.offset ?? text.length) };
    const reason = syntax?.reason ?? (error as Error).message.split("\n")[0];
    throw new CodegenError("PARSE_ERROR", `invalid JSON: ${reason}.`, location);
  }
  const source: SourceDocument = { file, value, locate: (pointer) => ({ file, pointer }) };
  assertNestingDepth(value, source);
  return source;
}

/**
 * Parses YAML text; the first syntax error is reported with its line and column. A
 * document nested deeper than {@link MAX_NESTING_DEPTH} (aliases expanded) is refused, and
 * so is an alias bomb, by yaml's own guard.
 */
export function parseYamlSource(file: string, text: string): SourceDocument {
  const tooDeep = findTooDeepYaml(text, MAX_NESTING_DEPTH);
  if (tooDeep) throw nestingTooDeep({ file, ...lineAndColumn(text, tooDeep.offset), pointer: toPointer(tooDeep.tokens) });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const reason = first.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "syntax error";
    throw new CodegenError("PARSE_ERROR", `invalid YAML: ${reason}.`, { file, line: pos.line, column: pos.col });
  }
  const source: SourceDocument = {
    file,
    value: yamlValue(doc, file),
    locate: (pointer, tokens) => ({ file, pointer, ...yamlPosition(doc, lineCounter, tokens ?? parsePointer(pointer)) }),
  };
  // Aliases can place a deep anchor deeper still.
  assertNestingDepth(source.value, source);
  return source;
}

/** The document as plain JSON; yaml refuses an alias bomb ("Excessive alias count …") here. */
function yamlValue(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = String((error as Error)?.message ?? error).split("\n")[0] as string;
    const budget = reason.startsWith("Excessive alias count")
      ? ` (one anchor may be expanded through aliases at most ${YAML_MAX_ALIAS_COUNT} times)`
      : "";
    throw new CodegenError("PARSE_ERROR", `invalid YAML: ${reason}${budget}.`, { file });
  }
}

/** Line/column of the deepest existing node on the way to `tokens`. */
function yamlPosition(doc: Document, lineCounter: LineCounter, tokens: readonly string[]) {
  type Ranged = { range?: [number, number, number] | null };
  let node: unknown = doc.contents;
  let found = node as Ranged | undefined;
  for (const token of tokens) {
    // A map entry is reported at its key (where a reader looks), a list item at itself.
    let next: unknown;
    let at: unknown;
    if (isSeq(node)) next = at = node.items[Number(token)];
    else if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token);
      next = pair?.value;
      at = pair?.key;
    }
    if (!at || typeof at !== "object") break;
    found = at as Ranged;
    if (!next || typeof next !== "object") break;
    node = next;
  }
  const range = found?.range;
  if (!range) return {};
  const pos = lineCounter.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
