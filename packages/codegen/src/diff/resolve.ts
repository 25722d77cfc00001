import { followRefs } from "../load/json-pointer.js";

/**
 * Follows `$ref`s like {@link followRefs}, but names where it landed as a plain JSON
 * pointer (`/components/schemas/Fax`), the form every {@link SpecChange} pointer takes.
 *
 * @example
 * ```ts
 * resolve(doc, { $ref: "#/components/schemas/Fax" }, "/paths/~1faxes/get/…/schema");
 * // { value: { type: "object", … }, pointer: "/components/schemas/Fax" }
 * ```
 */
export function resolve(document: unknown, value: unknown, pointer: string): { value: unknown; pointer: string } {
  const landed = followRefs(document, value, pointer);
  const at = landed.pointer;
  return { value: landed.value, pointer: at.startsWith("#") ? safeDecode(at.slice(1)) : at };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
