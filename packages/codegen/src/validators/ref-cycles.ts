import { resolveLocalRef } from "../load/json-pointer.js";
import { isObject } from "../model/operations.js";

/**
 * Whether following a `$ref` can lead back to the schema it points to. Keyed by the target
 * object, so two spellings of one pointer are one node; the edges of a node are the `$ref`s
 * inside its schema (not inside the schemas those point to). Only such a `$ref` needs a
 * depth guard: any other nests as deep as the spec does, no deeper, whatever the input.
 */
export function createCycleCheck(document: unknown): (ref: string) => boolean {
  const targetOf = (ref: string): unknown => {
    try {
      return resolveLocalRef(document, ref);
    } catch {
      return undefined;
    }
  };
  const edges = new Map<unknown, unknown[]>();
  const edgesOf = (target: unknown): unknown[] => {
    const known = edges.get(target);
    if (known !== undefined) return known;
    const list: unknown[] = [];
    edges.set(target, list);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) for (const item of node) walk(item);
      else if (isObject(node)) {
        if (typeof node.$ref === "string") {
          const next = targetOf(node.$ref);
          if (next !== undefined) list.push(next);
        } else for (const value of Object.values(node)) walk(value);
      }
    };
    walk(target);
    return list;
  };
  const memo = new Map<unknown, boolean>();
  return (ref) => {
    const start = targetOf(ref);
    if (start === undefined) return true; // unresolvable here: keep the guard
    const known = memo.get(start);
    if (known !== undefined) return known;
    const seen = new Set<unknown>();
    const stack = [...edgesOf(start)];
    let cyclic = false;
    while (stack.length > 0 && !cyclic) {
      const node = stack.pop();
      if (node === start) cyclic = true;
      else if (!seen.has(node)) {
        seen.add(node);
        stack.push(...edgesOf(node));
      }
    }
    memo.set(start, cyclic);
    return cyclic;
  };
}
