import { CodegenError, type SourceLocation } from "../errors/CodegenError.js";
import { OBJECT_PROTOTYPE_NAMES } from "./object-prototype-names.js";
import { GENERATED_MODULE_NAMES, GLOBAL_NAMES, RESERVED_WORDS } from "./reserved-names.js";

/** Suffix of a name that would be unsafe as it is: `Error` → `ErrorModel`. */
export const UNSAFE_NAME_SUFFIX = "Model";

/** Longest spec name turned into an identifier; longer ones are refused (they also name files). */
export const MAX_NAME_LENGTH = 200;

/**
 * Turns a spec name into an identifier: the characters an identifier cannot hold split the
 * name into words, each word is capitalised (`simple-user` → `SimpleUser`); a name with no
 * such character left is `Schema`, and one that would start with a digit gets `Schema` in
 * front (`2fa` → `Schema2fa`). Only ASCII letters, digits, `_` and `$` remain.
 *
 * @example
 * ```ts
 * toTypeName("simple-user"); // "SimpleUser"
 * ```
 */
export function toTypeName(name: string): string {
  const parts = name.split(/[^A-Za-z0-9_$]+/).filter((part) => part !== "");
  let identifier = parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("");
  if (identifier === "") identifier = "Schema";
  if (/^[0-9]/.test(identifier)) identifier = `Schema${identifier}`;
  return identifier;
}

/**
 * Whether an identifier must not be used as it is: a reserved word, a global, a top-level
 * name of the generated modules, a member of `Object.prototype`, or a name ending in `_check`
 * (the generated modules name their imported validators `<Name>_check`).
 */
export function isUnsafeIdentifier(identifier: string): boolean {
  return (
    RESERVED_WORDS.has(identifier) ||
    GLOBAL_NAMES.has(identifier) ||
    GENERATED_MODULE_NAMES.has(identifier) ||
    OBJECT_PROTOTYPE_NAMES.has(identifier) ||
    identifier.endsWith("_check")
  );
}

/** Options of {@link assignTypeNames}. */
export interface AssignOptions {
  /** Identifiers already taken by the caller. */
  reserved?: readonly string[];
  /** Where a name is in the spec, for the error that refuses an overlong one. */
  locate?: (name: string) => SourceLocation;
}

/**
 * The safe-name rule: gives each spec name a unique, safe identifier, in document order.
 * 1. {@link toTypeName} converts the name;
 * 2. an unsafe result ({@link isUnsafeIdentifier}) gets the suffix `Model` (`Error` → `ErrorModel`);
 * 3. a result already taken (by an earlier name, or `reserved`) gets the lowest free number
 *    from 2 (`SimpleUser2`).
 * A name longer than {@link MAX_NAME_LENGTH} characters is refused with a `CodegenError`.
 *
 * @example
 * ```ts
 * assignTypeNames(["Fax", "Error", "T"]); // Map { Fax → Fax, Error → ErrorModel, T → TModel }
 * ```
 */
export function assignTypeNames(names: readonly string[], options: AssignOptions = {}): Map<string, string> {
  const used = new Set(options.reserved ?? []);
  const result = new Map<string, string>();
  for (const name of names) {
    if (name.length > MAX_NAME_LENGTH)
      throw new CodegenError(
        "INVALID_DOCUMENT",
        `a name of ${name.length} characters is too long to become an identifier (at most ${MAX_NAME_LENGTH}).`,
        options.locate?.(name),
      );
    let base = toTypeName(name);
    if (isUnsafeIdentifier(base)) base += UNSAFE_NAME_SUFFIX;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}${n}`;
    used.add(candidate);
    result.set(name, candidate);
  }
  return result;
}
