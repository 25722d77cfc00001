import { quoteJsString } from "./js-string.js";

const IDENTIFIER_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The one way a name from the spec becomes a property key of an object literal (or of a type
 * literal). Always a quoted string, except `__proto__`: written plainly (`"__proto__": x`) it
 * would set the object's prototype instead of creating a property, so it becomes the computed
 * key `["__proto__"]`, which creates an own property in both JavaScript and TypeScript.
 *
 * @example
 * ```ts
 * quotePropertyKey("getFax");    // "\"getFax\""
 * quotePropertyKey("__proto__"); // "[\"__proto__\"]"
 * ```
 */
export function quotePropertyKey(name: string): string {
  const quoted = quoteJsString(name);
  return name === "__proto__" ? `[${quoted}]` : quoted;
}

/**
 * Reads property `name` of the object expression `object`: `v.id` when the name is a plain
 * identifier name, `v["a-b"]` otherwise. Reading is not writing: `v.__proto__` reads an own
 * `__proto__` property when there is one, so no special case is needed here.
 *
 * @example
 * ```ts
 * quoteMemberAccess("v", "id");  // "v.id"
 * quoteMemberAccess("v", "a-b"); // "v[\"a-b\"]"
 * ```
 */
export function quoteMemberAccess(object: string, name: string): string {
  return IDENTIFIER_NAME.test(name) ? `${object}.${name}` : `${object}[${quoteJsString(name)}]`;
}
