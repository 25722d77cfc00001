import { escapeToken, followRefs, resolveLocalRef } from "../load/json-pointer.js";
import { isObject, type JsonObject } from "../model/operations.js";
import { quoteJsLiteral } from "../quote/js-literal.js";
import { quoteJsString } from "../quote/js-string.js";
import { OBJECT_PROTOTYPE_NAMES } from "../quote/object-prototype-names.js";
import { quoteMemberAccess } from "../quote/property-key.js";

/**
 * Compiles OpenAPI 3.0 Schema Objects (OpenAPI 3.0.3, §4.7.24; JSON Schema draft-04
 * validation keywords plus `nullable`, `readOnly`, `writeOnly`) into plain JavaScript
 * functions, as source text: no `eval` or `new Function` at run time, so the output works
 * under a strict Content-Security-Policy.
 *
 * Every compiled function has the signature `(v, p, c) => boolean`:
 * - `v` the value; `p` its JSON pointer, or `null` in fast mode (nothing is reported);
 * - `c` the run context from the runtime: `c.i` the issue list (null in fast mode),
 *   `c.r` the direction (1 request, 2 response), `c.d` drift reports (tolerant mode),
 *   `c.n` the current $ref depth.
 * A caller first runs fast mode; only an invalid value is walked again to collect every
 * issue, so valid input pays for no path strings and no messages.
 */
export interface SchemaCompiler {
  /** Compiles a schema and returns the name of its function (declared in `declarations`). */
  compile(schema: unknown, schemaPath: string): string;
  /** Module-level declarations (functions, regular expressions) produced so far. */
  readonly declarations: string[];
}

/** How a `$ref` target becomes a function name (usually an import from another module). */
export type RefResolver = (ref: string) => string;

/** Runtime helpers the compiled code uses; all exported by the validator runtime. */
export const RUNTIME_HELPERS = [
  "fail",
  "drift",
  "fast",
  "isPlainObject",
  "typeName",
  "show",
  "codePoints",
  "deepEqual",
  "firstDuplicate",
  "checkFormat",
  "escapeKey",
  "MAX_DEPTH",
] as const;

/** Keywords of a schema that can be checked inline (no subschema); annotations included. */
const SCALAR_KEYWORDS = new Set([
  "type",
  "nullable",
  "enum",
  "format",
  "pattern",
  "maxLength",
  "minLength",
  "maximum",
  "minimum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "multipleOf",
  "title",
  "description",
  "default",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
  "externalDocs",
  "xml",
]);

/**
 * Whether following a `$ref` can lead back to the schema it points to. Keyed by the target
 * object, so two spellings of one pointer are one node; the edges of a node are the `$ref`s
 * inside its schema (not inside the schemas those point to).
 */
function createCycleCheck(document: unknown): (ref: string) => boolean {
  const targetOf = (ref: string): unknown => {
    try {
      return resolveLocalRef(document, ref);
    } catch {
      return undefined;
    }
  };
  const edges = new Map<unknown, unknown[]>();
  const edgesOf = (target: unknown): unknown[] => {
    const known = edges.get(target);
    if (known !== undefined) return known;
    const list: unknown[] = [];
    edges.set(target, list);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) for (const item of node) walk(item);
      else if (isObject(node)) {
        if (typeof node.$ref === "string") {
          const next = targetOf(node.$ref);
          if (next !== undefined) list.push(next);
        } else for (const value of Object.values(node)) walk(value);
      }
    };
    if (isObject(target) && typeof target.$ref === "string") {
      const next = targetOf(target.$ref);
      if (next !== undefined) list.push(next);
    } else if (isObject(target)) for (const value of Object.values(target)) walk(value);
    return list;
  };
  const memo = new Map<unknown, boolean>();
  return (ref) => {
    const start = targetOf(ref);
    if (start === undefined) return true; // unresolvable here: keep the guard
    const known = memo.get(start);
    if (known !== undefined) return known;
    const seen = new Set<unknown>();
    const stack = [...edgesOf(start)];
    let cyclic = false;
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === start) {
        cyclic = true;
        break;
      }
      if (seen.has(node)) continue;
      seen.add(node);
      for (const next of edgesOf(node)) stack.push(next);
    }
    memo.set(start, cyclic);
    return cyclic;
  };
}

interface Flags {
  readOnly: boolean;
  writeOnly: boolean;
}

/** Creates a compiler whose `$ref`s are resolved by `resolveRef` and read from `document`. */
export function createSchemaCompiler(document: unknown, resolveRef: RefResolver, prefix = "v"): SchemaCompiler {
  const declarations: string[] = [];
  let counter = 0;
  const next = (kind: string) => `${prefix}${kind}${counter++}`;

  // Every value from the spec (keywords, property names, enum values, schema paths) is written
  // through the one literal function.
  const lit = (value: unknown) => quoteJsLiteral(value);
  const isCyclic = createCycleCheck(document);

  /** Follows `$ref`s (for readOnly/writeOnly flags of properties). */
  function flagsOf(schema: unknown): Flags {
    const current = followRefs(document, schema).value;
    return {
      readOnly: isObject(current) && current.readOnly === true,
      writeOnly: isObject(current) && current.writeOnly === true,
    };
  }

  /** `fail(...)` statement for one keyword; `message` is a JS expression producing the text. */
  const failWith = (keyword: string, schemaPath: string, message: string, path = "p") =>
    `if (c.i === null) return false; ok = false; fail(c, ${path}, ${lit(keyword)}, ${lit(schemaPath)}, ${message});`;

  /** Calls a child validator and folds its result into `ok`. */
  const callChild = (fn: string, value: string, childPath: string) =>
    `if (!${fn}(${value}, c.i === null ? null : ${childPath}, c)) { if (c.i === null) return false; ok = false; }`;

  function typeCondition(type: string): string {
    switch (type) {
      case "string":
        return 'typeof v === "string"';
      case "number":
        return 'typeof v === "number" && Number.isFinite(v)';
      case "integer":
        return "Number.isInteger(v)";
      case "boolean":
        return 'typeof v === "boolean"';
      case "array":
        return "Array.isArray(v)";
      case "object":
        // isPlainObject, inline: a call per object would cost more than the test itself.
        return '(typeof v === "object" && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null))';
      case "null":
        return "v === null";
      default:
        throw new Error(`unknown type "${type}"`);
    }
  }

  function compile(schema: unknown, schemaPath: string): string {
    if (schema === true || (isObject(schema) && Object.keys(schema).length === 0)) return "fast.any";
    if (schema === false) return "fast.none";
    if (!isObject(schema)) throw new Error(`schema at ${schemaPath} is not an object`);

    if (typeof schema.$ref === "string") {
      const target = resolveRef(schema.$ref);
      // Only a $ref that can come back to itself needs the depth guard: any other nests as
      // deep as the spec does, no deeper, whatever the input.
      if (!isCyclic(schema.$ref)) return target;
      const name = next("r");
      declarations.push(
        `function ${name}(v, p, c) {
  if (c.n >= MAX_DEPTH) { if (c.i !== null) fail(c, p, "$ref", ${lit(`${schemaPath}/$ref`)}, \`nesting is deeper than \${MAX_DEPTH} levels\`); return false; }
  c.n++;
  const ok = ${target}(v, p, c);
  c.n--;
  return ok;
}`,
      );
      return name;
    }

    const name = next("s");
    const body = checks(schema, schemaPath, "return ok;", "p");
    if (body.length === 0) return "fast.any";
    declarations.push(`function ${name}(v, p, c) {\n  let ok = true;\n${body.map((line) => `  ${line}`).join("\n")}\n  return ok;\n}`);
    return name;
  }

  /**
   * The checks of one schema on `v`, as statements of a function body that has `ok`, `p`
   * and `c` in scope. `exit` leaves the checks after a type mismatch (`return ok;` in a
   * function of its own, `break <label>;` inline); `P` is the expression of the value's
   * JSON pointer, only evaluated to report an issue (collect mode, `p` is a string) or
   * drift (which a fast-mode anyOf/oneOf/not branch records with a null pointer, as a
   * child function called with `p = null` would).
   */
  function checks(s: JsonObject, schemaPath: string, exit: string, P: string): string[] {
    const body: string[] = [];
    const at = (keyword: string) => `${schemaPath}/${escapeToken(keyword)}`;

    // --- type (+ nullable) ---------------------------------------------------------
    const types: string[] = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    const nullable = s.nullable === true;
    if (types.length > 0) {
      const allowed = [...types, ...(nullable && !types.includes("null") ? ["null"] : [])];
      const condition = allowed.map(typeCondition).join(" || ");
      const expected = allowed.join(" or ");
      body.push(`if (!(${condition})) { ${failWith("type", at("type"), `\`must be ${expected} (got \${typeName(v)})\``, P)} ${exit} }`);
    }

    /** Type-specific checks; unguarded when the type check above already guarantees the type. */
    const guarded = (kind: string, condition: string, checks: string[]) => {
      const sure = !nullable && types.length === 1 && (types[0] === kind || (kind === "number" && types[0] === "integer"));
      return sure ? checks.join("\n") : `if (${condition}) {\n${checks.join("\n")}\n}`;
    };

    // --- enum ----------------------------------------------------------------------
    if (Array.isArray(s.enum)) {
      const primitives = s.enum.every((value) => value === null || typeof value !== "object");
      const condition = primitives
        ? s.enum.map((value) => `v === ${lit(value)}`).join(" || ") || "false"
        : `${s.enum.map((value) => `deepEqual(v, ${lit(value)})`).join(" || ") || "false"}`;
      const listed = s.enum.map((value) => lit(value)).join(", ");
      const message = `${lit(`must be one of ${listed} (got `)} + show(v) + ")"`;
      // In drift-tolerant mode an unknown enum value in a response is reported, not rejected.
      body.push(
        `if (!(${condition})) { if (c.d !== null && c.r === 2 && typeof v !== "object") drift(c, ${P === "p" ? "p" : `p === null ? null : ${P}`}, "enum", v); else { ${failWith("enum", at("enum"), message, P)} } }`,
      );
    }

    // --- string keywords -------------------------------------------------------------
    const stringChecks: string[] = [];
    if (typeof s.maxLength === "number") {
      stringChecks.push(
        `if (v.length > ${s.maxLength} && codePoints(v) > ${s.maxLength}) { ${failWith("maxLength", at("maxLength"), `\`must be at most ${s.maxLength} character${s.maxLength === 1 ? "" : "s"} (got \${codePoints(v)})\``, P)} }`,
      );
    }
    if (typeof s.minLength === "number") {
      stringChecks.push(
        `if (v.length < ${s.minLength} * 2 && codePoints(v) < ${s.minLength}) { ${failWith("minLength", at("minLength"), `\`must be at least ${s.minLength} character${s.minLength === 1 ? "" : "s"} (got \${codePoints(v)})\``, P)} }`,
      );
    }
    if (typeof s.pattern === "string") {
      const re = next("re");
      declarations.push(`const ${re} = /* @__PURE__ */ ${regexLiteral(s.pattern)};`);
      stringChecks.push(
        `if (!${re}.test(v)) { ${failWith("pattern", at("pattern"), `${lit(`must match pattern ${lit(s.pattern)} (got `)} + show(v) + ")"`, P)} }`,
      );
    }
    if (typeof s.format === "string") {
      const format = s.format;
      stringChecks.push(
        `if (!checkFormat(${lit(format)}, v)) { ${failWith("format", at("format"), `${lit(`must be a valid ${format} (got `)} + show(v) + ")"`, P)} }`,
      );
    }
    if (stringChecks.length > 0) body.push(guarded("string", 'typeof v === "string"', stringChecks));

    // --- number keywords -------------------------------------------------------------
    const numberChecks: string[] = [];
    if (typeof s.maximum === "number") {
      const exclusive = s.exclusiveMaximum === true;
      numberChecks.push(
        `if (v ${exclusive ? ">=" : ">"} ${s.maximum}) { ${failWith(exclusive ? "exclusiveMaximum" : "maximum", at(exclusive ? "exclusiveMaximum" : "maximum"), `\`must be ${exclusive ? "<" : "<="} ${s.maximum} (got \${v})\``, P)} }`,
      );
    }
    if (typeof s.minimum === "number") {
      const exclusive = s.exclusiveMinimum === true;
      numberChecks.push(
        `if (v ${exclusive ? "<=" : "<"} ${s.minimum}) { ${failWith(exclusive ? "exclusiveMinimum" : "minimum", at(exclusive ? "exclusiveMinimum" : "minimum"), `\`must be ${exclusive ? ">" : ">="} ${s.minimum} (got \${v})\``, P)} }`,
      );
    }
    if (typeof s.multipleOf === "number") {
      numberChecks.push(
        // A quotient within a few ulps of an integer counts (0.3 / 0.1); one that overflows falls back to %.
        `{ const q = v / ${s.multipleOf}; if (Number.isFinite(q) ? Math.abs(q - Math.round(q)) > 4 * Number.EPSILON * Math.max(1, Math.abs(q)) : v % ${s.multipleOf} !== 0) { ${failWith("multipleOf", at("multipleOf"), `\`must be a multiple of ${s.multipleOf} (got \${v})\``, P)} } }`,
      );
    }
    if (numberChecks.length > 0) body.push(guarded("number", 'typeof v === "number"', numberChecks));

    // --- array keywords --------------------------------------------------------------
    const arrayChecks: string[] = [];
    if (typeof s.maxItems === "number") {
      arrayChecks.push(
        `if (v.length > ${s.maxItems}) { ${failWith("maxItems", at("maxItems"), `\`must have at most ${s.maxItems} item${s.maxItems === 1 ? "" : "s"} (got \${v.length})\``)} }`,
      );
    }
    if (typeof s.minItems === "number") {
      arrayChecks.push(
        `if (v.length < ${s.minItems}) { ${failWith("minItems", at("minItems"), `\`must have at least ${s.minItems} item${s.minItems === 1 ? "" : "s"} (got \${v.length})\``)} }`,
      );
    }
    if (s.uniqueItems === true) {
      arrayChecks.push(
        `{ const dup = firstDuplicate(v); if (dup !== null) { ${failWith("uniqueItems", at("uniqueItems"), '"must not have duplicate items (items " + dup[0] + " and " + dup[1] + " are equal)"')} } }`,
      );
    }
    if (s.items !== undefined && !Array.isArray(s.items)) {
      const inlined = inline(s.items, at("items"), "v[k]", 'p + "/" + k');
      if (inlined !== undefined) {
        if (inlined !== "") arrayChecks.push(`for (let k = 0; k < v.length; k++) ${inlined}`);
      } else {
        const item = compile(s.items, at("items"));
        if (item !== "fast.any") arrayChecks.push(`for (let k = 0; k < v.length; k++) { ${callChild(item, "v[k]", 'p + "/" + k')} }`);
      }
    }
    if (arrayChecks.length > 0) body.push(guarded("array", "Array.isArray(v)", arrayChecks));

    // --- object keywords -------------------------------------------------------------
    const objectChecks: string[] = [];
    const properties = isObject(s.properties) ? s.properties : {};
    const names = Object.keys(properties);
    const access = (key: string) => quoteMemberAccess("v", key);
    const has = (key: string) => (OBJECT_PROTOTYPE_NAMES.has(key) ? `Object.hasOwn(v, ${lit(key)})` : `${access(key)} !== undefined`);
    const declared = (key: string) => (Object.hasOwn(properties, key) ? properties[key] : undefined);
    if (Array.isArray(s.required)) {
      for (const key of s.required as string[]) {
        const flags = flagsOf(declared(key));
        // OpenAPI 3.0.3 §4.7.24: a required readOnly property applies to responses only, a
        // required writeOnly property to requests only.
        const guard = flags.readOnly ? "c.r !== 1 && " : flags.writeOnly ? "c.r !== 2 && " : "";
        objectChecks.push(
          `if (${guard}!(${has(key)})) { ${failWith("required", at("required"), lit(`must have required property '${key}'`))} }`,
        );
      }
    }
    for (const key of names) {
      const flags = flagsOf(properties[key]);
      const childPath = `p + ${lit(`/${escapeToken(key)}`)}`;
      const inlined = inline(properties[key], `${at("properties")}/${escapeToken(key)}`, access(key), childPath);
      const child = inlined !== undefined ? "fast.any" : compile(properties[key], `${at("properties")}/${escapeToken(key)}`);
      const checks: string[] = [];
      if (flags.readOnly)
        checks.push(
          `if (c.r === 1) { ${failWith("readOnly", `${at("properties")}/${escapeToken(key)}/readOnly`, lit("is read-only and must not be sent in a request"), childPath)} }`,
        );
      if (flags.writeOnly)
        checks.push(
          `if (c.r === 2) { ${failWith("writeOnly", `${at("properties")}/${escapeToken(key)}/writeOnly`, lit("is write-only and must not appear in a response"), childPath)} }`,
        );
      if (child !== "fast.any") checks.push(callChild(child, access(key), childPath));
      if (inlined) checks.push(inlined);
      if (checks.length > 0) objectChecks.push(`if (${has(key)}) { ${checks.join(" ")} }`);
    }
    if (s.additionalProperties === false || isObject(s.additionalProperties)) {
      const known = names.length === 0 ? "false" : names.map((key) => `k === ${lit(key)}`).join(" || ");
      if (s.additionalProperties === false) {
        objectChecks.push(
          `for (const k in v) { if (!Object.hasOwn(v, k) || ${known}) continue; if (c.d !== null && c.r === 2) { drift(c, p === null ? null : p + "/" + escapeKey(k), "additionalProperties", v[k]); continue; } ${failWith("additionalProperties", at("additionalProperties"), '"is not allowed (unknown property)"', 'p + "/" + escapeKey(k)')} }`,
        );
      } else {
        const inlined = inline(s.additionalProperties, at("additionalProperties"), "v[k]", 'p + "/" + escapeKey(k)');
        const extra = inlined !== undefined ? "fast.any" : compile(s.additionalProperties, at("additionalProperties"));
        const check = inlined || (extra !== "fast.any" ? callChild(extra, "v[k]", 'p + "/" + escapeKey(k)') : "");
        if (check !== "") objectChecks.push(`for (const k in v) { if (!Object.hasOwn(v, k) || ${known}) continue; ${check} }`);
      }
    }
    if (typeof s.maxProperties === "number" || typeof s.minProperties === "number") {
      const count = "Object.keys(v).length";
      if (typeof s.maxProperties === "number")
        objectChecks.push(
          `if (${count} > ${s.maxProperties}) { ${failWith("maxProperties", at("maxProperties"), `\`must have at most ${s.maxProperties} properties (got \${${count}})\``)} }`,
        );
      if (typeof s.minProperties === "number")
        objectChecks.push(
          `if (${count} < ${s.minProperties}) { ${failWith("minProperties", at("minProperties"), `\`must have at least ${s.minProperties} properties (got \${${count}})\``)} }`,
        );
    }
    if (objectChecks.length > 0) body.push(guarded("object", typeCondition("object"), objectChecks));

    // --- combinators -----------------------------------------------------------------
    if (Array.isArray(s.allOf)) {
      s.allOf.forEach((sub, index) => {
        const fn = compile(sub, `${at("allOf")}/${index}`);
        if (fn !== "fast.any") body.push(callChild(fn, "v", "p"));
      });
    }
    if (Array.isArray(s.anyOf)) {
      const fns = s.anyOf.map((sub, index) => compile(sub, `${at("anyOf")}/${index}`));
      const requiredOnly = s.anyOf.every(
        (b) => isObject(b) && Array.isArray(b.required) && Object.keys(b).every((k) => k === "required" || k === "description"),
      );
      const message = requiredOnly
        ? lit(
            `must have at least one of the properties ${s.anyOf.map((b) => ((b as JsonObject).required as string[]).map((k) => `'${k}'`).join(" + ")).join(", ")}`,
          )
        : lit(`must match at least one of the ${fns.length} schemas in anyOf`);
      body.push(
        `{ const f = c.i === null ? c : fast.ctx(c); if (!(${fns.map((fn) => `${fn}(v, null, f)`).join(" || ") || "false"})) { ${failWith("anyOf", at("anyOf"), message)} } }`,
      );
    }
    if (Array.isArray(s.oneOf)) {
      const fns = s.oneOf.map((sub, index) => compile(sub, `${at("oneOf")}/${index}`));
      body.push(
        `{ const f = c.i === null ? c : fast.ctx(c); const n = ${fns.map((fn) => `(${fn}(v, null, f) ? 1 : 0)`).join(" + ") || "0"}; if (n !== 1) { ${failWith("oneOf", at("oneOf"), `\`must match exactly one of the ${fns.length} schemas in oneOf (matched \${n})\``)} } }`,
      );
    }
    if (s.not !== undefined) {
      const fn = compile(s.not, at("not"));
      body.push(
        `{ const f = c.i === null ? c : fast.ctx(c); if (${fn}(v, null, f)) { ${failWith("not", at("not"), lit("must not match the schema in not"))} } }`,
      );
    }

    return body;
  }

  /**
   * A schema with no subschemas and no `$ref` (a type, an enum, string or number limits),
   * checked in place by its parent: a block instead of a function call. `value` and `path`
   * are the parent's expressions of the value and of its JSON pointer. Undefined when the
   * schema needs a function of its own.
   */
  function inline(schema: unknown, schemaPath: string, value: string, path: string): string | undefined {
    if (!isObject(schema) || !Object.keys(schema).every((key) => SCALAR_KEYWORDS.has(key) || key.startsWith("x-"))) return undefined;
    const label = next("L");
    const body = checks(schema, schemaPath, `break ${label};`, path);
    if (body.length === 0) return "";
    // `v` is shadowed in the block, through a temporary (`const v = v.x` would not compile).
    const temporary = next("tmp");
    return `{ const ${temporary} = ${value}; ${label}: { const v = ${temporary}; ${body.join(" ")} } }`;
  }

  return { compile, declarations };
}

/** A regular expression literal for a schema `pattern` (ECMA 262, Unicode mode when valid). */
function regexLiteral(pattern: string): string {
  let flags = "u";
  try {
    new RegExp(pattern, "u");
  } catch {
    flags = "";
    new RegExp(pattern); // throws (and names the pattern) if it is not a regular expression at all
  }
  return `new RegExp(${quoteJsString(pattern)}, ${quoteJsString(flags)})`;
}
