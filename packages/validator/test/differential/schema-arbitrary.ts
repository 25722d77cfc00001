/**
 * A small OpenAPI 3.0 Schema Object → fast-check arbitrary converter: every value it
 * produces is valid for the schema (the differential tests assert that both validators
 * agree). It covers what the Fax.Plus spec uses — type, enum, nullable, properties/required,
 * additionalProperties false/true/schema, items, min/maxItems, min/maxLength,
 * minimum/maximum, pattern (fc.stringMatching), format email/binary, $ref, allOf and anyOf
 * (each branch merged into its parent) — and throws on anything else, so a spec change that
 * needs more is noticed rather than silently generating invalid values.
 *
 * Values are passed through JSON.stringify/JSON.parse at the end: they are exactly what a
 * JSON body can be (plain objects, no -0, no undefined), own `__proto__` keys included.
 */
import fc from "fast-check";
import { type Json, type JsonSchema, resolveRef } from "./reference-ajv.js";

/** Keys that are awkward in JavaScript; generated as extra keys of free-form objects. */
export const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "", "a/b", "m~n"];

const SUPPORTED = new Set([
  "type",
  "enum",
  "nullable",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "pattern",
  "format",
  "$ref",
  "allOf",
  "anyOf",
  // annotations
  "description",
  "example",
  "default",
  "title",
  "readOnly",
  "writeOnly",
  "deprecated",
  "xml",
  "externalDocs",
]);

/** Follows `$ref`s to the schema they name. */
export function deref(schema: unknown): JsonSchema {
  let current = schema as JsonSchema;
  for (let hops = 0; typeof current.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref chain too long at ${current.$ref}`);
    current = resolveRef(current.$ref);
  }
  return current;
}

/** Merges a branch (allOf member, anyOf alternative) into its parent (the `combinator` key removed). */
export function mergeSchemas(parent: JsonSchema, branch: JsonSchema, combinator: string): JsonSchema {
  const { [combinator]: _dropped, ...base } = parent;
  const resolved = deref(branch);
  const merged: JsonSchema = { ...base };
  for (const [key, value] of Object.entries(resolved)) {
    if (key === "properties") merged.properties = { ...(base.properties as object | undefined), ...(value as object) };
    else if (key === "required")
      merged.required = [...new Set([...((base.required as string[] | undefined) ?? []), ...(value as string[])])];
    else if (key === "type" && base.type !== undefined && base.type !== value) throw new Error(`conflicting types in ${combinator}`);
    else merged[key] = value;
  }
  return merged;
}

/** Non-object JSON values (valid for a schema that has object keywords but no `type`). */
const nonObjectJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.array(fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxLength: 3 }),
);

const freeKey = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) });

/** Builds an object with own data properties only (so `__proto__` stays an own key). */
export function buildObject(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (Object.hasOwn(out, key)) continue;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function codePointLength(s: string): number {
  return [...s].length;
}

/** Options of {@link schemaArbitrary}. */
export interface ArbitraryOptions {
  /** Longest generated array without a `minItems` forcing more (keeps nested values small). */
  maxArray?: number;
}

function checkSupported(schema: JsonSchema, where: string): void {
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED.has(key) && !key.startsWith("x-")) throw new Error(`schema-arbitrary: unsupported keyword "${key}" at ${where}`);
  }
}

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = typeof s.minLength === "number" ? s.minLength : 0;
  const maxLength = typeof s.maxLength === "number" ? s.maxLength : undefined;
  const fits = (v: string) => {
    const n = codePointLength(v);
    return n >= minLength && (maxLength === undefined || n <= maxLength);
  };
  if (typeof s.pattern === "string") {
    if (s.format !== undefined && s.format !== "binary") throw new Error("schema-arbitrary: pattern together with a format");
    return fc.stringMatching(new RegExp(s.pattern, "u"), maxLength === undefined ? {} : { maxLength }).filter(fits);
  }
  if (s.format === "email") return fc.emailAddress().filter(fits);
  if (s.format !== undefined && s.format !== "binary" && s.format !== "password") {
    throw new Error(`schema-arbitrary: unsupported string format "${String(s.format)}"`);
  }
  // "binary" code points: astral characters (2 UTF-16 units) and lone surrogates included,
  // which is what min/maxLength (counted in code points) must get right.
  const options = { unit: "binary" as const, minLength, ...(maxLength === undefined ? {} : { maxLength }) };
  const arbs: Array<fc.Arbitrary<string>> = [fc.string(options), fc.string({ ...options, unit: "grapheme-ascii" })];
  if (maxLength !== undefined) {
    // Exactly at the limit, in one- and two-unit characters.
    arbs.push(fc.string({ unit: "binary", minLength: maxLength, maxLength }));
    arbs.push(fc.constant("😀".repeat(maxLength)));
    arbs.push(fc.constant("a".repeat(maxLength)));
  }
  return fc.oneof(...arbs).filter(fits);
}

function integerArbitrary(s: JsonSchema): fc.Arbitrary<number> {
  const min = typeof s.minimum === "number" ? Math.ceil(s.minimum) : undefined;
  const max = typeof s.maximum === "number" ? Math.floor(s.maximum) : undefined;
  const lo = min ?? Number.MIN_SAFE_INTEGER;
  const hi = max ?? Number.MAX_SAFE_INTEGER;
  const boundaries = [lo, hi, 0, 1, -1, 2 ** 31, 2 ** 53, 1e21, -(2 ** 53)].filter((n) => n >= lo && n <= hi);
  return fc.oneof(fc.integer({ min: Math.max(lo, -(2 ** 31)), max: Math.min(hi, 2 ** 31 - 1) }), fc.constantFrom(...boundaries));
}

function numberArbitrary(s: JsonSchema): fc.Arbitrary<number> {
  const min = typeof s.minimum === "number" ? s.minimum : undefined;
  const max = typeof s.maximum === "number" ? s.maximum : undefined;
  const boundaries = [min, max, 0, 0.5, 1e308, -1e308, 5e-324].filter(
    (n): n is number => n !== undefined && (min === undefined || n >= min) && (max === undefined || n <= max),
  );
  const doubles = fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  });
  return boundaries.length > 0 ? fc.oneof(doubles, fc.constantFrom(...boundaries)) : doubles;
}

/** An arbitrary of values valid for `schema` (a Schema Object of the spec, `$ref`s allowed). */
export function schemaArbitrary(schema: unknown, options: ArbitraryOptions = {}, where = "#"): fc.Arbitrary<Json> {
  const raw = deref(schema);
  return build(raw, options, where, 0).map((value) => JSON.parse(JSON.stringify(value)) as Json);
}

function build(input: JsonSchema, options: ArbitraryOptions, where: string, depth: number): fc.Arbitrary<unknown> {
  if (depth > 24) throw new Error(`schema-arbitrary: schema nested too deep at ${where} (recursive schema?)`);
  const s = deref(input);
  checkSupported(s, where);

  if (Array.isArray(s.allOf)) {
    const merged = (s.allOf as JsonSchema[]).reduce((acc, branch) => mergeSchemas(acc, branch, "allOf"), s);
    return build(merged, options, where, depth + 1);
  }
  if (Array.isArray(s.anyOf)) {
    const branches = (s.anyOf as JsonSchema[]).map((branch, k) =>
      build(mergeSchemas(s, branch, "anyOf"), options, `${where}/anyOf/${k}`, depth + 1),
    );
    return fc.oneof(...branches);
  }

  let arb: fc.Arbitrary<unknown>;
  if (Array.isArray(s.enum)) {
    arb = fc.constantFrom(...(s.enum as unknown[]));
  } else {
    switch (s.type) {
      case "string":
        arb = stringArbitrary(s);
        break;
      case "integer":
        arb = integerArbitrary(s);
        break;
      case "number":
        arb = numberArbitrary(s);
        break;
      case "boolean":
        arb = fc.boolean();
        break;
      case "array": {
        const item =
          s.items === undefined
            ? (fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<unknown>)
            : build(s.items as JsonSchema, options, `${where}/items`, depth + 1);
        const minItems = typeof s.minItems === "number" ? s.minItems : 0;
        const maxItems = typeof s.maxItems === "number" ? s.maxItems : undefined;
        const small = Math.max(minItems, Math.min(maxItems ?? Number.POSITIVE_INFINITY, minItems + (options.maxArray ?? 3)));
        const arbs: Array<fc.Arbitrary<unknown[]>> = [fc.array(item, { minLength: minItems, maxLength: small })];
        // Exactly at the limits (capped at 100 items: the spec's largest maxItems).
        if (maxItems !== undefined && maxItems <= 100) arbs.push(fc.array(item, { minLength: maxItems, maxLength: maxItems }));
        if (minItems > 0) arbs.push(fc.array(item, { minLength: minItems, maxLength: minItems }));
        arb = fc.oneof(...arbs);
        break;
      }
      case "object":
        arb = objectArbitrary(s, options, where, depth);
        break;
      case undefined:
        arb =
          s.properties !== undefined || s.additionalProperties !== undefined || s.required !== undefined
            ? fc.oneof({ weight: 4, arbitrary: objectArbitrary(s, options, where, depth) }, { weight: 1, arbitrary: nonObjectJson })
            : (fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<unknown>);
        break;
      default:
        throw new Error(`schema-arbitrary: unsupported type ${JSON.stringify(s.type)} at ${where}`);
    }
  }
  if (s.nullable === true) arb = fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  return arb;
}

function objectArbitrary(s: JsonSchema, options: ArbitraryOptions, where: string, depth: number): fc.Arbitrary<unknown> {
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  for (const key of required) {
    if (!Object.hasOwn(properties, key)) throw new Error(`schema-arbitrary: required property ${key} not declared at ${where}`);
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(properties)) model[key] = build(sub, options, `${where}/properties/${key}`, depth + 1);
  const declared = fc.record(model, { requiredKeys: [...required], noNullPrototype: true });

  const additional = s.additionalProperties;
  let extraValue: fc.Arbitrary<unknown> | undefined;
  if (additional === false) extraValue = undefined;
  else if (additional === undefined || additional === true) extraValue = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<unknown>;
  else extraValue = build(additional as JsonSchema, options, `${where}/additionalProperties`, depth + 1);

  const extras: fc.Arbitrary<Array<[string, unknown]>> =
    extraValue === undefined
      ? fc.constant([])
      : fc.array(
          fc.tuple(
            freeKey.filter((key) => !Object.hasOwn(properties, key)),
            extraValue,
          ),
          { maxLength: 3 },
        );
  return fc.tuple(declared, extras).map(([known, extra]) => buildObject([...Object.entries(known), ...extra]));
}
