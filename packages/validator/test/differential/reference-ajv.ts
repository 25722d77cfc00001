/**
 * Reference validator for the differential tests: Ajv 8 + ajv-formats, built at test time
 * from the resolved spec (openapi/dist/faxplus.resolved.json) — never from our compiler's
 * output — so the two implementations share nothing but the spec.
 *
 * The whole OpenAPI document is added as one schema (`ajv.addSchema(spec, "spec")`) and each
 * component is looked up by JSON pointer (`spec#/components/schemas/<Name>`), so `$ref`s
 * resolve exactly as they are written in the document. Ajv supports OpenAPI's `nullable`
 * natively.
 *
 * Strict mode stays on (it would throw on a keyword neither side knows), with:
 * - OpenAPI's annotation keywords (`example`, `xml`, `externalDocs`, `discriminator`), the
 *   document's top-level keys and any `x-…` extension declared as vocabulary;
 * - `strictRequired: false`: the spec's `anyOf: [{required: [is_read]}, {required: [comment]}]`
 *   names properties declared by the parent schema, which is fine (Ajv's check looks only
 *   at the branch itself);
 * - `strictTypes: "log"` (collected in {@link strictWarnings}): `Error` has
 *   `additionalProperties` without `type: object`, i.e. any non-object is a valid `Error` —
 *   legal JSON Schema, and both validators agree on it.
 *
 * Differences that are intended on our side (the tests keep the comparison on JSON values,
 * i.e. what `JSON.parse` can produce, where none of these matter):
 * - `type: object` means a plain object for us (prototype `Object.prototype` or `null`);
 *   Ajv accepts any non-array object (Map, Date, class instances).
 * - numbers must be finite (Ajv agrees under its default `strictNumbers`).
 * - `required` treats a property whose value is `undefined` as absent (so does Ajv without
 *   `ownProperties`); Ajv's `additionalProperties` walks inherited enumerable keys, ours own keys.
 * - `format: email`: ours is a deliberately loose check (`x@y.z`, no whitespace, one `@`),
 *   ajv-formats' "full" mode is RFC 5322-ish; they disagree on e.g. `ä@b.cd`, `a@-b.cd`,
 *   `a@[1.2.3.4]` (see EMAIL_FORMAT_DIFFERENCES). The differential tests only generate emails both accept.
 * - issue paths: the root is reported as `/` (ours) vs `""` (Ajv `instancePath`);
 *   `additionalProperties` issues point at the unknown key (ours) vs at the object with
 *   `params.additionalProperty` (Ajv). {@link ajvIssueLocations} maps Ajv's to ours.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  components: { schemas: Record<string, JsonSchema> };
  [key: string]: unknown;
}

const SPEC_URL = new URL("../../../../openapi/dist/faxplus.resolved.json", import.meta.url);

/** The resolved spec (after overlays), read fresh from disk. */
export const spec: OpenApiDocument = JSON.parse(readFileSync(SPEC_URL, "utf8")) as OpenApiDocument;

/** Every component schema name, in document order. */
export const schemaNames: string[] = Object.keys(spec.components.schemas);

/** Warnings Ajv's strict mode logged while compiling (see the module comment). */
export const strictWarnings: string[] = [];

function collectExtensionKeys(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectExtensionKeys(item, into);
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) into.add(key);
      collectExtensionKeys(value, into);
    }
  }
}

function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: "log",
    logger: {
      log: () => {},
      warn: (...args: unknown[]) => strictWarnings.push(args.map(String).join(" ")),
      error: (...args: unknown[]) => strictWarnings.push(args.map(String).join(" ")),
    },
  });
  const extensions = new Set<string>();
  collectExtensionKeys(spec, extensions);
  const topLevel = Object.keys(spec);
  ajv.addVocabulary([...new Set(["example", "xml", "externalDocs", "discriminator", ...topLevel, ...extensions])]);
  // ajv-formats is CommonJS: under NodeNext its plugin is the `default` of the module object.
  addFormats.default(ajv);
  ajv.addSchema(spec, "spec");
  return ajv;
}

let shared: Ajv | undefined;

/** The shared Ajv instance holding the whole spec. */
export function referenceAjv(): Ajv {
  shared ??= createAjv();
  return shared;
}

const compiled = new Map<string, ValidateFunction>();

/** The reference validator of `#/components/schemas/<name>`. */
export function referenceValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    const found = referenceAjv().getSchema(`spec#/components/schemas/${name}`);
    if (found === undefined) throw new Error(`Ajv found no schema ${name} in the spec`);
    validate = found;
    compiled.set(name, validate);
  }
  return validate;
}

/** Ajv's verdict and errors for a value (errors copied: Ajv reuses its array). */
export function referenceVerdict(name: string, value: unknown): { valid: boolean; errors: ErrorObject[] } {
  const validate = referenceValidator(name);
  const valid = validate(value) as boolean;
  return { valid, errors: valid ? [] : [...(validate.errors ?? [])] };
}

/** RFC 6901 token escaping. */
export function escapeToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Where Ajv locates its errors, in our issue-path convention (root `/`, unknown keys at
 * their own path), with the keyword. Errors inside `anyOf`/`oneOf`/`not` branches are
 * dropped: Ajv lists why every branch failed, we report the combinator once.
 */
export function ajvIssueLocations(errors: ErrorObject[]): Array<{ path: string; keyword: string }> {
  const out: Array<{ path: string; keyword: string }> = [];
  for (const error of errors) {
    if (/\/(anyOf|oneOf|not)\//.test(error.schemaPath)) continue;
    let path = error.instancePath;
    if (error.keyword === "additionalProperties") {
      path += `/${escapeToken(String((error.params as { additionalProperty: string }).additionalProperty))}`;
    }
    out.push({ path: path === "" ? "/" : path, keyword: error.keyword });
  }
  return out;
}

/** Follows one local `$ref` (`#/components/schemas/X`) in the spec. */
export function resolveRef(ref: string): JsonSchema {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
  return getAtPointer(spec, ref.slice(1)) as JsonSchema;
}

/** The value at a JSON pointer (RFC 6901), or undefined. Own properties only. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  if (pointer === "") return root;
  if (!pointer.startsWith("/")) return undefined;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/**
 * `format: email`, where ours and ajv-formats (full mode) are known to differ, and a few
 * where they agree. Ours: one `@`, no whitespace, no leading/trailing/double dot in the local
 * part, a dot inside the domain; ajv-formats: RFC 5322 dot-atoms, hostname-style domain.
 */
export const EMAIL_FORMAT_DIFFERENCES: Array<{ value: string; ours: boolean; ajv: boolean }> = [
  { value: "ä@b.cd", ours: true, ajv: false },
  { value: "a@-b.cd", ours: true, ajv: false },
  { value: "a@b_c.de", ours: true, ajv: false },
  { value: "a(b)@c.de", ours: true, ajv: false },
  { value: "a@b..cd", ours: false, ajv: false },
  { value: "a@[1.2.3.4]", ours: true, ajv: false },
  { value: "a@b", ours: false, ajv: false },
  { value: "a@localhost", ours: false, ajv: false },
  { value: "a b@c.de", ours: false, ajv: false },
  { value: "a..b@c.de", ours: false, ajv: false },
  { value: ".a@b.cd", ours: false, ajv: false },
  { value: "a@b.c", ours: true, ajv: true },
  { value: "first.last+tag@example.co.uk", ours: true, ajv: true },
];
