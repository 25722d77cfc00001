import { CodegenError } from "../errors/CodegenError.js";
import { toPointer } from "../load/json-pointer.js";
import { isObject } from "../model/operations.js";
import { OBJECT_PROTOTYPE_NAMES } from "../quote/object-prototype-names.js";

/** A `%` that does not start a percent-escape. */
const MALFORMED_PERCENT = /%(?![0-9A-Fa-f]{2})/;

/** Object.prototype members openapi-typescript 7 (via @redocly/openapi-core) handles as names. */
const HANDLED_PROTOTYPE_NAMES = new Set(["constructor", "toString", "__proto__"]);

/** Keywords whose value is a name openapi-typescript also puts into a pointer. */
const NAME_VALUES = new Set(["operationId", "name"]);

/** Values that are data, not names: their keys never reach openapi-typescript's pointers. */
const DATA_KEYWORDS = new Set(["example", "examples", "default", "enum"]);

/** Why openapi-typescript failed on the spec, when a name explains it. */
export interface RejectedName {
  pointer: string;
  why: string;
}

/**
 * openapi-typescript fails on some names that are valid JSON: it builds JSON pointers from
 * schema, property, path and parameter names and operationIds, escaped only for `~` and `/`,
 * then percent-decodes them (so a `%` not followed by two hex digits throws `URI malformed`),
 * and its resolver looks names up as plain object keys (so a schema or property named
 * `valueOf` or `hasOwnProperty` finds the inherited method and throws). When it fails, this
 * finds the first such name in document order, so the refusal says what and where.
 */
export function findRejectedName(document: unknown): RejectedName | undefined {
  const visit = (node: unknown, tokens: string[]): RejectedName | undefined => {
    if (node === null || typeof node !== "object") return undefined;
    for (const [key, value] of Object.entries(node)) {
      const path = [...tokens, key];
      const keyWhy = Array.isArray(node) ? undefined : whyRejected(key);
      if (keyWhy !== undefined) return { pointer: toPointer(path), why: keyWhy };
      const valueWhy = NAME_VALUES.has(key) && typeof value === "string" ? whyRejected(value, false) : undefined;
      if (valueWhy !== undefined) return { pointer: toPointer(path), why: valueWhy };
      if (DATA_KEYWORDS.has(key) || key.startsWith("x-")) continue;
      const found = visit(value, path);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(document, []);
}

function whyRejected(name: string, asKey = true): string | undefined {
  if (MALFORMED_PERCENT.test(name)) return "a name holding a `%` that does not start a percent-escape (`%` and two hex digits)";
  if (asKey && OBJECT_PROTOTYPE_NAMES.has(name) && !HANDLED_PROTOTYPE_NAMES.has(name))
    return `a schema or property named \`${name}\`, a member of Object.prototype`;
  return undefined;
}

/**
 * A component with an empty name cannot be referenced: openapi-typescript's `$ref` parser
 * drops empty pointer segments, so `#/components/schemas/` would name the whole map. Refused
 * before openapi-typescript sees it.
 */
export function refuseEmptyComponentNames(document: unknown, specFile: string): void {
  const components = isObject(document) && isObject(document.components) ? document.components : {};
  for (const [section, entries] of Object.entries(components)) {
    if (isObject(entries) && Object.hasOwn(entries, ""))
      throw new CodegenError("INVALID_DOCUMENT", `a component under \`components.${section}\` has an empty name; give it one.`, {
        file: specFile,
        pointer: toPointer(["components", section, ""]),
      });
  }
}
