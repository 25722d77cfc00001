import { escapeToken } from "../load/json-pointer.js";
import { isObject } from "../model/operations.js";

/** Whether two JSON values are equal (object key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  return firstDifference(a, b, "") === null;
}

/**
 * The pointer of the first place (in key order of `a`, then `b`) where two JSON values
 * differ, or `null` when they are equal.
 *
 * @example
 * ```ts
 * firstDifference({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] }, ""); // "/b/1"
 * ```
 */
export function firstDifference(a: unknown, b: unknown, pointer: string): string | null {
  if (a === b) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return `${pointer}/${i}`;
      const found = firstDifference(a[i], b[i], `${pointer}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const at = `${pointer}/${escapeToken(key)}`;
      if (!Object.hasOwn(a, key) || !Object.hasOwn(b, key)) return at;
      const found = firstDifference(a[key], b[key], at);
      if (found !== null) return found;
    }
    return null;
  }
  return pointer;
}
