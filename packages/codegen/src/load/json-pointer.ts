/**
 * JSON Pointer (RFC 6901) helpers: the codegen names every place in a document by its
 * pointer, in errors and in the resolved spec.
 */

import { quoteSpecValue } from "../quote/spec-value-text.js";
import { MAX_REF_CHAIN } from "./input-limits.js";

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string | number): string {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Joins reference tokens into a pointer: `["paths", "/a/{b}"]` → `/paths/~1a~1{b}`. */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${escapeToken(token)}`).join("");
}

/** Splits a pointer into unescaped tokens; `""` is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`"${quoteSpecValue(pointer)}" is not a JSON pointer (must start with "/")`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The value at `tokens`, or `undefined` when any step is missing. */
export function getAt(root: unknown, tokens: readonly string[]): unknown {
  let node: unknown = root;
  for (const token of tokens) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** The target of a local `$ref` (`#/components/…`), or `undefined` when it points nowhere. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  return getAt(document, parsePointer(decodeURIComponent(ref.slice(1))));
}

/**
 * Follows a chain of Reference Objects to the object they stand for, and says where it
 * landed (the last `$ref`, or `pointer` when `value` was no reference). Bounded, so a
 * reference cycle cannot hang the generator; validation refuses longer chains and cycles
 * before any stage follows one.
 */
export function followRefs(document: unknown, value: unknown, pointer = ""): { value: unknown; pointer: string } {
  let current = value;
  let at = pointer;
  for (let hops = 0; hops < MAX_REF_CHAIN; hops++) {
    if (current === null || typeof current !== "object" || typeof (current as { $ref?: unknown }).$ref !== "string") break;
    at = (current as { $ref: string }).$ref;
    current = resolveLocalRef(document, at);
  }
  return { value: current, pointer: at };
}
