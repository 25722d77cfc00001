import { CodegenError } from "../errors/CodegenError.js";
import { MAX_DEPTH_THROUGH_REFS } from "../load/input-limits.js";
import { parsePointer, resolveLocalRef, toPointer } from "../load/json-pointer.js";
import type { SourceDocument } from "../load/source-document.js";

/**
 * Walks the document from its root the way a ref-following tool does (openapi-typescript's
 * bundler, the spec diff): depth first, in document order, a `$ref` entered as one more
 * level, each object entered once (so recursive schemas end). Refuses the document when
 * that walk goes deeper than {@link MAX_DEPTH_THROUGH_REFS}, e.g. hundreds of schemas each
 * holding the next in a property. Iterative; runs after the references are checked.
 */
export function checkRefDepth(document: unknown, source: SourceDocument): void {
  const visited = new Set<object>();
  const frames: Frame[] = [];
  const enter = (node: unknown, reachedBy?: string) => {
    if (node === null || typeof node !== "object" || visited.has(node)) return;
    visited.add(node);
    frames.push({ node, keys: Object.keys(node), next: 0, key: "", reachedBy });
  };
  enter(document);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    if (frame.next >= frame.keys.length) {
      frames.pop();
      continue;
    }
    frame.key = frame.keys[frame.next++] as string;
    if (frames.length > MAX_DEPTH_THROUGH_REFS) throw tooDeep(frames, source);
    const child = (frame.node as Record<string, unknown>)[frame.key];
    if (frame.key === "$ref" && typeof child === "string") enter(safeResolve(document, child), child);
    else enter(child);
  }
}

interface Frame {
  node: object;
  keys: string[];
  next: number;
  /** The key of the child being visited. */
  key: string;
  /** The `$ref` this node was entered through, if any. */
  reachedBy: string | undefined;
}

function safeResolve(document: unknown, ref: string): unknown {
  try {
    return resolveLocalRef(document, ref);
  } catch {
    return undefined;
  }
}

/** The error naming the node where the walk crossed the limit, and the `$ref`s it followed. */
function tooDeep(frames: Frame[], source: SourceDocument): CodegenError {
  const refs = frames.flatMap((frame) => (frame.reachedBy === undefined ? [] : [frame.reachedBy]));
  let lastEntry = 0;
  frames.forEach((frame, index) => {
    if (frame.reachedBy !== undefined) lastEntry = index;
  });
  const entry = frames[lastEntry] as Frame;
  const base = entry.reachedBy === undefined ? [] : parsePointer(decodeURIComponent(entry.reachedBy.slice(1)));
  // A `$ref` key's child is its target (the next frame), not a token of the pointer.
  const tokens = [...base, ...frames.slice(lastEntry).map((frame) => frame.key)];
  const quoted = refs.map((ref) => JSON.stringify(ref));
  const shown = quoted.length > 5 ? [...quoted.slice(0, 3), "…", ...quoted.slice(-2)] : quoted;
  return new CodegenError(
    "INVALID_DOCUMENT",
    `nested too deeply through $refs: reached from the document root through ${refs.length} $refs (${shown.join(" → ")}), this node is ${MAX_DEPTH_THROUGH_REFS + 1} levels deep counting each $ref as a level, and at most ${MAX_DEPTH_THROUGH_REFS} are accepted.`,
    source.locate(toPointer(tokens), tokens),
  );
}
