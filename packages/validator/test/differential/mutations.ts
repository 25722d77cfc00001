/**
 * Schema-aware mutations of a (valid) JSON value: every place the schema constrains is a
 * candidate — drop a required key, add an unknown key, change a type, go past
 * maxItems/maxLength/minimum/maximum, replace an enum value, set null where not nullable,
 * break a pattern or a format. A mutation may or may not make the value invalid (adding a
 * key to an open object is fine): the tests compare verdicts, they do not presume them.
 */
import type { Json, JsonSchema } from "./reference-ajv.js";
import { buildObject, deref, mergeSchemas } from "./schema-arbitrary.js";

export type PathToken = string | number;

export interface Mutation {
  /** Human-readable: where and what (printed when a property fails). */
  description: string;
  path: PathToken[];
  /** Returns a mutated deep copy; the input is not touched. */
  apply: (root: Json) => Json;
}

const DELETE = Symbol("delete");
type Edit = Json | typeof DELETE | ((current: Json) => Json);

/** Values of every JSON type, for type changes. */
const TYPE_SAMPLES: Json[] = [null, true, 0, -1, 1.5, 1e21, "", "x", [], {}];

function pointer(path: PathToken[]): string {
  return path.map((t) => `/${String(t).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("") || "/";
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** Applies an edit at `path` (the last token may be a new key); a path that no longer exists is a no-op. */
function edit(root: Json, path: PathToken[], change: Edit): Json {
  if (path.length === 0) {
    if (change === DELETE) return root;
    return typeof change === "function" ? change(clone(root)) : clone(change);
  }
  const copy = clone(root);
  let parent: unknown = copy;
  for (const token of path.slice(0, -1)) {
    if (parent === null || typeof parent !== "object" || !Object.hasOwn(parent, token)) return copy;
    parent = (parent as Record<string, unknown>)[token];
  }
  const last = path[path.length - 1] as PathToken;
  if (parent === null || typeof parent !== "object") return copy;
  if (Array.isArray(parent)) {
    const index = Number(last);
    // An index that no longer exists (an earlier mutation shortened the array): no-op, never a hole.
    if (!Number.isInteger(index) || index < 0 || index >= parent.length) return copy;
    if (change === DELETE) parent.splice(index, 1);
    else parent[index] = typeof change === "function" ? change(parent[index] as Json) : clone(change);
    return copy;
  }
  const record = parent as Record<string, Json>;
  if (change === DELETE) {
    delete record[last];
    return copy;
  }
  // A function edits an existing value; if an earlier mutation removed it, there is nothing to edit.
  if (typeof change === "function" && !Object.hasOwn(record, last)) return copy;
  const next = typeof change === "function" ? change(record[last] as Json) : clone(change);
  // defineProperty keeps `__proto__` an own key instead of setting the prototype.
  Object.defineProperty(record, last, { value: next, enumerable: true, writable: true, configurable: true });
  return copy;
}

function jsonType(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Every candidate mutation of `value` (valid or not) under `schema`. */
export function mutationsOf(schema: unknown, value: Json): Mutation[] {
  const out: Mutation[] = [];
  walk(deref(schema), value, [], out, 0);
  return out;
}

function add(out: Mutation[], path: PathToken[], what: string, change: Edit): void {
  out.push({ description: `${pointer(path)}: ${what}`, path, apply: (root) => edit(root, path, change) });
}

/** The schema with its `allOf`/`anyOf` folded in, for knowing the properties and keywords at a node. */
function flatten(schema: JsonSchema): JsonSchema {
  let s = deref(schema);
  if (Array.isArray(s.allOf)) s = (s.allOf as JsonSchema[]).reduce((acc, b) => mergeSchemas(acc, b, "allOf"), s);
  if (Array.isArray(s.anyOf)) {
    // Keep the parent's own keywords; the branches only matter through the verdicts compared.
    const { anyOf: _branches, ...rest } = s;
    s = rest;
  }
  return s;
}

function walk(raw: JsonSchema, value: Json, path: PathToken[], out: Mutation[], depth: number): void {
  if (depth > 32) return;
  const s = flatten(raw);

  // --- anyOf of required-only branches: drop what each branch (and all of them) needs ---
  const anyOf = deref(raw).anyOf;
  if (Array.isArray(anyOf) && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const all = new Set<string>();
    for (const branch of anyOf as JsonSchema[]) {
      const needed = (deref(branch).required as string[] | undefined) ?? [];
      for (const key of needed) all.add(key);
      if (needed.length > 0) add(out, path, `anyOf branch keys dropped (${needed.join(", ")})`, (current) => without(current, needed));
    }
    if (all.size > 0) add(out, path, `every anyOf branch key dropped (${[...all].join(", ")})`, (current) => without(current, [...all]));
  }

  // --- type changes (null where not nullable among them) ---
  for (const sample of TYPE_SAMPLES) {
    if (jsonType(sample) !== jsonType(value)) add(out, path, `type → ${JSON.stringify(sample)}`, sample);
  }

  // --- enum ---
  if (Array.isArray(s.enum)) {
    if (typeof value === "string") {
      add(out, path, "enum value with a suffix", `${value}_x`);
      add(out, path, "enum value upper-cased", value.toUpperCase());
      add(out, path, "enum value with trailing space", `${value} `);
    }
    if (typeof value === "number") {
      add(out, path, "enum value + 1", value + 1);
      add(out, path, "enum value + 0.5", value + 0.5);
      add(out, path, "enum value as a string", String(value));
    }
  }

  // --- strings ---
  if (typeof value === "string") {
    if (typeof s.maxLength === "number") {
      add(out, path, "maxLength + 1 (ASCII)", "a".repeat(s.maxLength + 1));
      add(out, path, "maxLength + 1 (astral)", "😀".repeat(s.maxLength + 1));
      add(out, path, "exactly maxLength (astral, 2 units each)", "😀".repeat(s.maxLength));
      add(out, path, "maxLength (astral) + 1 lone surrogate", `${"😀".repeat(s.maxLength)}\ud800`);
    }
    if (typeof s.minLength === "number" && s.minLength > 0) add(out, path, "minLength - 1", "a".repeat(s.minLength - 1));
    if (typeof s.pattern === "string") {
      add(out, path, "empty string (pattern)", "");
      add(out, path, "prefixed (pattern)", `x${value}`);
      add(out, path, "suffixed with a newline (pattern)", `${value}\n`);
      add(out, path, "prefixed with a space (pattern)", ` ${value}`);
      add(out, path, "first character dropped (pattern)", value.slice(1));
      add(out, path, "last character dropped (pattern)", value.slice(0, -1));
    }
    if (s.format === "email") {
      add(out, path, "not an email", "not-an-email");
      add(out, path, "email without a domain dot", "a@b");
      add(out, path, "email with a space", `a ${value}`);
    }
  }

  // --- numbers ---
  if (typeof value === "number") {
    if (s.type === "integer") add(out, path, "+ 0.5 (not an integer)", value + 0.5);
    if (typeof s.maximum === "number") {
      add(out, path, "maximum + 1", s.maximum + 1);
      add(out, path, "maximum + 0.000001", s.maximum + 1e-6);
      add(out, path, "exactly maximum", s.maximum);
    }
    if (typeof s.minimum === "number") {
      add(out, path, "minimum - 1", s.minimum - 1);
      add(out, path, "minimum - 0.000001", s.minimum - 1e-6);
      add(out, path, "exactly minimum", s.minimum);
    }
    add(out, path, "negated", -value);
    add(out, path, "1e308", 1e308);
  }

  // --- arrays ---
  if (Array.isArray(value)) {
    const items = s.items === undefined ? undefined : deref(s.items);
    if (typeof s.maxItems === "number") {
      const max = s.maxItems;
      add(out, path, `grown to maxItems + 1 (${max + 1})`, (current) => grow(current, max + 1));
      add(out, path, `grown to exactly maxItems (${max})`, (current) => grow(current, max));
    }
    if (typeof s.minItems === "number" && s.minItems > 0) {
      const min = s.minItems;
      add(out, path, `cut to minItems - 1 (${min - 1})`, (current) => (Array.isArray(current) ? current.slice(0, min - 1) : current));
    }
    add(out, path, "item of the wrong type appended", (current) => (Array.isArray(current) ? [...current, { wrong: true }] : current));
    add(out, path, "null appended", (current) => (Array.isArray(current) ? [...current, null] : current));
    if (value.length > 0) add(out, [...path, 0], "first item removed", DELETE);
    if (items !== undefined) {
      for (const [k, item] of value.entries()) walk(items, item, [...path, k], out, depth + 1);
    }
  }

  // --- objects ---
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (s.required as string[] | undefined) ?? []) {
      if (Object.hasOwn(value, key)) add(out, [...path, key], "required key dropped", DELETE);
    }
    for (const key of ["zz_unknown", "__proto__", "constructor", "", "a/b~c"]) {
      if (!Object.hasOwn(value, key)) add(out, [...path, key], "unknown key added", key === "__proto__" ? { polluted: true } : 1);
    }
    for (const [key, sub] of Object.entries(properties)) {
      const child = value[key];
      if (Object.hasOwn(value, key) && child !== undefined) walk(sub, child, [...path, key], out, depth + 1);
      else {
        add(out, [...path, key], "optional key set to null", null);
        add(out, [...path, key], "optional key set to an object", { wrong: [] });
        add(out, [...path, key], "optional key set to a string", "x");
      }
    }
    const additional = s.additionalProperties;
    if (additional !== undefined && typeof additional === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (!Object.hasOwn(properties, key)) walk(additional as JsonSchema, child, [...path, key], out, depth + 1);
      }
    }
    if (Object.keys(value).length > 0) {
      add(
        out,
        path,
        "emptied",
        (current) => (current !== null && typeof current === "object" && !Array.isArray(current) ? buildObject([]) : current) as Json,
      );
    }
  }
}

function grow(current: Json, length: number): Json {
  if (!Array.isArray(current)) return current;
  const filler: Json = current.length > 0 ? (current[current.length - 1] as Json) : "x";
  const grown = [...current];
  while (grown.length < length) grown.push(clone(filler));
  return grown.slice(0, Math.max(length, 0));
}

function without(current: Json, keys: string[]): Json {
  if (current === null || typeof current !== "object" || Array.isArray(current)) return current;
  return buildObject(Object.entries(current).filter(([key]) => !keys.includes(key))) as Json;
}
