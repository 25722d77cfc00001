import { parsePointer, resolveLocalRef, toPointer } from "../load/json-pointer.js";
import type { JsonObject } from "../model/operations.js";

/**
 * Pointers of the components (`/components/<section>/<name>`) that the paths use, directly
 * or through other components. A component reached twice is walked once, so cycles end.
 */
export function reachableComponents(document: JsonObject): Set<string> {
  const reached = new Set<string>();
  const stack: unknown[] = [document.paths];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const ref = (node as JsonObject).$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/")) {
      let tokens: string[];
      try {
        tokens = parsePointer(decodeURIComponent(ref.slice(1)));
      } catch {
        tokens = [];
      }
      const component = toPointer(tokens.slice(0, 3));
      if (tokens.length >= 3 && !reached.has(component)) {
        reached.add(component);
        stack.push(resolveLocalRef(document, `#${component}`));
      }
    }
    stack.push(...Object.values(node as JsonObject));
  }
  return reached;
}
