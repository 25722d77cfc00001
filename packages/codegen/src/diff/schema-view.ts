import { escapeToken } from "../load/json-pointer.js";
import { isObject } from "../model/operations.js";
import { resolve } from "./resolve.js";

/** A keyword's value and the pointer of the schema object it was read from. */
export interface Located {
  value: unknown;
  /**
   * For a keyword: the schema object holding it (append `/keyword`). For a property
   * ({@link SchemaView.properties}): the property's own schema, `…/properties/<name>`.
   */
  pointer: string;
}

/**
 * A schema as a consumer sees it: `$ref`s followed and `allOf` members merged into one
 * set of properties, `required` names and keywords, each remembering where it came from.
 */
export interface SchemaView {
  /** Pointer of the schema object (after `$ref`s). */
  pointer: string;
  /** Keywords other than properties/required/allOf; the outer schema wins over its members. */
  keywords: Map<string, Located>;
  /** Property name → its (unresolved) schema, at `…/properties/<name>`. */
  properties: Map<string, Located>;
  required: Set<string>;
}

/**
 * Builds the view of `schema` (found at `pointer`). `allOf` members are merged in order,
 * then the schema's own keywords; a member already being merged (a cycle) is skipped.
 *
 * @example
 * ```ts
 * const view = viewSchema(doc, { allOf: [{ $ref: "#/components/schemas/Base" }], required: ["id"] }, "/x");
 * view.properties.get("id")?.pointer; // "/components/schemas/Base/properties/id"
 * ```
 */
export function viewSchema(document: unknown, schema: unknown, pointer: string): SchemaView {
  const start = resolve(document, schema, pointer);
  const view: SchemaView = { pointer: start.pointer, keywords: new Map(), properties: new Map(), required: new Set() };
  merge(document, start.value, start.pointer, view, new Set([start.pointer]));
  return view;
}

function merge(document: unknown, node: unknown, at: string, view: SchemaView, active: Set<string>): void {
  if (!isObject(node)) return;
  if (Array.isArray(node.allOf)) {
    node.allOf.forEach((member, i) => {
      const landed = resolve(document, member, `${at}/allOf/${i}`);
      if (active.has(landed.pointer)) return;
      active.add(landed.pointer);
      merge(document, landed.value, landed.pointer, view, active);
    });
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "allOf" || key === "$ref") continue;
    if (key === "properties" && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) {
        view.properties.set(name, { value: schema, pointer: `${at}/properties/${escapeToken(name)}` });
      }
    } else if (key === "required" && Array.isArray(value)) {
      for (const name of value) if (typeof name === "string") view.required.add(name);
    } else {
      view.keywords.set(key, { value, pointer: at });
    }
  }
}

/** The value of a keyword in a view, or `undefined`. */
export function keyword(view: SchemaView, name: string): unknown {
  return view.keywords.get(name)?.value;
}

/** The schema's type: `type`, else inferred from properties (object) or items (array). */
export function typeOf(view: SchemaView): string | undefined {
  const type = keyword(view, "type");
  if (typeof type === "string") return type;
  if (view.properties.size > 0 || view.keywords.has("additionalProperties")) return "object";
  if (view.keywords.has("items")) return "array";
  return undefined;
}

/** `oneOf` or `anyOf`, whichever the schema has (oneOf first), or `undefined`. */
export function unionKind(view: SchemaView): "oneOf" | "anyOf" | undefined {
  if (Array.isArray(keyword(view, "oneOf"))) return "oneOf";
  if (Array.isArray(keyword(view, "anyOf"))) return "anyOf";
  return undefined;
}
