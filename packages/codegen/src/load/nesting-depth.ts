import { CodegenError, type SourceLocation } from "../errors/CodegenError.js";
import { MAX_NESTING_DEPTH } from "./input-limits.js";
import { toPointer } from "./json-pointer.js";
import type { SourceDocument } from "./source-document.js";

/**
 * Finds the first node (in document order) that sits more than `limit` levels below the
 * root of a parsed JSON value, and returns its path as reference tokens. Iterative, so a
 * document nested 100,000 deep is measured without using the stack it would exhaust.
 *
 * @example
 * ```ts
 * findTooDeep({ a: { b: [1] } }, 2); // ["a", "b", "0"]
 * findTooDeep({ a: { b: [1] } }, 3); // undefined
 * ```
 */
export function findTooDeep(root: unknown, limit: number): string[] | undefined {
  const frames: Frame[] = [];
  if (isContainer(root)) frames.push(frameOf(root));
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    if (!advance(frame)) {
      frames.pop();
      continue;
    }
    // The child just reached is `frames.length` levels below the root.
    if (frames.length > limit) return frames.map((f) => f.key);
    const child = (frame.node as Record<string, unknown>)[frame.key];
    if (isContainer(child)) frames.push(frameOf(child));
  }
  return undefined;
}

interface Frame {
  node: object;
  /** Keys of an object; `undefined` for an array, which is walked by index. */
  keys: string[] | undefined;
  length: number;
  next: number;
  /** The key of the child being visited. */
  key: string;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === "object";
}

function frameOf(node: object): Frame {
  const keys = Array.isArray(node) ? undefined : Object.keys(node);
  return { node, keys, length: keys ? keys.length : (node as unknown[]).length, next: 0, key: "" };
}

function advance(frame: Frame): boolean {
  if (frame.next >= frame.length) return false;
  const index = frame.next++;
  frame.key = frame.keys ? (frame.keys[index] as string) : String(index);
  return true;
}

/** The error for a node deeper than {@link MAX_NESTING_DEPTH}, at `location`. */
export function nestingTooDeep(location: SourceLocation): CodegenError {
  return new CodegenError(
    "INVALID_DOCUMENT",
    `nested too deeply: this node is ${MAX_NESTING_DEPTH + 1} levels below the document root, and at most ${MAX_NESTING_DEPTH} are accepted.`,
    location,
  );
}

/** Throws {@link nestingTooDeep} for the first node of `value` deeper than {@link MAX_NESTING_DEPTH}. */
export function assertNestingDepth(value: unknown, source: SourceDocument): void {
  const tokens = findTooDeep(value, MAX_NESTING_DEPTH);
  if (tokens) throw nestingTooDeep(source.locate(toPointer(tokens), tokens));
}
