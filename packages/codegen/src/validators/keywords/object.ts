import { escapeToken } from "../../load/json-pointer.js";
import { isObject, type JsonObject } from "../../model/operations.js";
import { OBJECT_PROTOTYPE_NAMES } from "../../quote/object-prototype-names.js";
import { quoteMemberAccess } from "../../quote/property-key.js";
import { Code, chain, code, literal } from "../codegen/code.js";
import { N, R } from "../codegen/names.js";
import { DIRECTION, isRequest, isResponse, isTolerant, READ_ONLY_MESSAGE, requiredWhen, WRITE_ONLY_MESSAGE } from "./openapi.js";
import { checkChild, type KeywordScope } from "./scope.js";

/** `required`, `properties`, `additionalProperties`, `maxProperties`, `minProperties` (plain JSON objects only). */

/** Longer lists of declared names are looked up in a module-level Set by the unknown-property loop. */
const SET_FROM = 8;

/** A property's value, and whether it is there: own properties only for names `Object.prototype` has. */
export function member(v: Code, key: string) {
  const access = new Code(quoteMemberAccess(v.text, key), v.imports);
  const inherited = OBJECT_PROTOTYPE_NAMES.has(key);
  return {
    access,
    present: inherited ? code`Object.hasOwn(${v}, ${key})` : code`${access} !== undefined`,
    absent: inherited ? code`!Object.hasOwn(${v}, ${key})` : code`${access} === undefined`,
  };
}

export function emitObject(k: KeywordScope): void {
  const s = k.schema;
  const properties: JsonObject = isObject(s.properties) ? s.properties : {};
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  const extra = s.additionalProperties;
  const counted = typeof s.maxProperties === "number" || typeof s.minProperties === "number";
  if (required.length === 0 && Object.keys(properties).length === 0 && extra === undefined && !counted) return;
  k.whenType("object", () => {
    if (required.length > 0) emitRequired(k, properties, required);
    for (const key of Object.keys(properties)) emitProperty(k, key, properties[key]);
    if (extra === false || isObject(extra)) emitAdditional(k, Object.keys(properties), extra);
    if (counted) emitCounts(k);
  });
}

function emitRequired(k: KeywordScope, properties: JsonObject, required: string[]): void {
  const declared = (key: string) => (Object.hasOwn(properties, key) ? properties[key] : undefined);
  const missing = (key: string, r: Code) => {
    const when = requiredWhen(k.compiler.flagsOf(declared(key)), r);
    const absent = member(k.value, key).absent;
    return when ? code`(${when} && ${absent})` : absent;
  };
  // The fast pass asks once for all of them.
  k.fast.line(
    code`if (${chain(
      required.map((key) => missing(key, DIRECTION.fast)),
      "||",
      code`false`,
    )}) return false;`,
  );
  for (const key of required)
    k.collect.if(missing(key, DIRECTION.collect), (w) =>
      k.fail(w, { keyword: "required", schemaPath: k.at("required"), message: `must have required property '${key}'` }),
    );
}

function emitProperty(k: KeywordScope, key: string, schema: unknown): void {
  const flags = k.compiler.flagsOf(schema);
  if (k.compiler.isTrivial(schema) && !flags.readOnly && !flags.writeOnly) return;
  const { access, present } = member(k.value, key);
  const path = code`${R.joinPointer}(${k.path}, ${escapeToken(key)})`;
  const at = k.at("properties", key);
  k.fast.begin(code`if (${present}) {`);
  k.collect.begin(code`if (${present}) {`);
  if (flags.readOnly) directional(k, isRequest, { keyword: "readOnly", schemaPath: `${at}/readOnly`, message: READ_ONLY_MESSAGE, path });
  if (flags.writeOnly)
    directional(k, isResponse, { keyword: "writeOnly", schemaPath: `${at}/writeOnly`, message: WRITE_ONLY_MESSAGE, path });
  checkChild(k, schema, at, access, path);
  k.fast.end();
  k.collect.end();
}

/** A property that may not appear in one direction. */
function directional(k: KeywordScope, when: (r: Code) => Code, issue: Parameters<KeywordScope["fail"]>[1]): void {
  k.fast.line(code`if (${when(DIRECTION.fast)}) return false;`);
  k.collect.if(when(DIRECTION.collect), (w) => k.fail(w, issue));
}

function emitAdditional(k: KeywordScope, names: string[], extra: unknown): void {
  const key = k.compiler.module.locals.next("k");
  const v = k.value;
  let unknown: Code;
  if (names.length >= SET_FROM) {
    const known = k.compiler.module.constant("known", code`/* @__PURE__ */ new Set(${literal(names, 2)})`);
    unknown = code`!${known}.has(${key})`;
  } else
    unknown = chain(
      names.map((name) => code`${key} !== ${name}`),
      "&&",
      code`true`,
    );
  const extraCheck = code`${unknown} && Object.hasOwn(${v}, ${key})`;
  const path = code`${R.joinPointer}(${k.path}, ${R.escapeKey}(${key}))`;
  k.fast.begin(code`for (const ${key} in ${v}) {`);
  k.collect.begin(code`for (const ${key} in ${v}) {`);
  if (extra === false) {
    k.fast.line(code`if (${extraCheck} && ${DIRECTION.fast} !== 3) return false;`);
    k.collect.if(extraCheck, (w) =>
      w.if(
        isTolerant(DIRECTION.collect),
        (t) => t.line(code`${R.drift}(${N.ctx}, ${path}, "additionalProperties", ${v}[${key}]);`),
        (e) =>
          k.fail(e, {
            keyword: "additionalProperties",
            schemaPath: k.at("additionalProperties"),
            message: "is not allowed (unknown property)",
            path,
          }),
      ),
    );
  } else {
    k.fast.begin(code`if (${extraCheck}) {`);
    k.collect.begin(code`if (${extraCheck}) {`);
    checkChild(k, extra, k.at("additionalProperties"), code`${v}[${key}]`, path);
    k.fast.end();
    k.collect.end();
  }
  k.fast.end();
  k.collect.end();
}

function emitCounts(k: KeywordScope): void {
  const count = code`Object.keys(${k.value}).length`;
  const { maxProperties, minProperties } = k.schema;
  if (typeof maxProperties === "number")
    k.check(code`${count} > ${maxProperties}`, {
      keyword: "maxProperties",
      schemaPath: k.at("maxProperties"),
      message: `must have at most ${maxProperties} properties`,
      got: count,
    });
  if (typeof minProperties === "number")
    k.check(code`${count} < ${minProperties}`, {
      keyword: "minProperties",
      schemaPath: k.at("minProperties"),
      message: `must have at least ${minProperties} properties`,
      got: count,
    });
}
