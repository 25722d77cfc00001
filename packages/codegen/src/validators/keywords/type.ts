import { quoteSpecValue } from "../../quote/spec-value-text.js";
import { type Code, chain, code } from "../codegen/code.js";
import { R } from "../codegen/names.js";
import { fastIsJsonObject, fastIsNotJsonObject } from "./json-object.js";
import { allowedTypes } from "./openapi.js";
import type { KeywordScope } from "./scope.js";

/** `type` (with OpenAPI's `nullable`): which JSON types the value may have. */

const VALID: Record<string, (v: Code) => Code> = {
  string: (v) => code`typeof ${v} === "string"`,
  number: (v) => code`Number.isFinite(${v})`,
  integer: (v) => code`Number.isInteger(${v})`,
  boolean: (v) => code`typeof ${v} === "boolean"`,
  array: (v) => code`Array.isArray(${v})`,
  object: (v) => code`${R.isJsonObject}(${v})`,
  null: (v) => code`${v} === null`,
};

const INVALID: Record<string, (v: Code) => Code> = {
  string: (v) => code`typeof ${v} !== "string"`,
  number: (v) => code`!Number.isFinite(${v})`,
  integer: (v) => code`!Number.isInteger(${v})`,
  boolean: (v) => code`typeof ${v} !== "boolean"`,
  array: (v) => code`!Array.isArray(${v})`,
  object: (v) => code`!${R.isJsonObject}(${v})`,
  null: (v) => code`${v} !== null`,
};

/** The fast pass differs only for objects (see {@link fastIsJsonObject}). */
const FAST_VALID: Record<string, (v: Code) => Code> = { ...VALID, object: fastIsJsonObject };
const FAST_INVALID: Record<string, (v: Code) => Code> = { ...INVALID, object: fastIsNotJsonObject };

function condition(table: Record<string, (v: Code) => Code>, type: string, v: Code): Code {
  const make = table[type];
  if (make === undefined) throw new Error(`unknown type "${quoteSpecValue(String(type))}"`);
  return make(v);
}

/**
 * Writes the type check. A mismatch ends the fast pass, and in the collecting pass skips the
 * schema's other checks (they assume the type): a function returns, an inlined check opens an
 * `else` that the caller closes (returns true then).
 */
export function emitType(k: KeywordScope): boolean {
  const allowed = allowedTypes(k.schema);
  if (allowed.length === 0) return false;
  const mismatch = (valid: typeof VALID, invalid: typeof INVALID) =>
    allowed.length === 1
      ? condition(invalid, allowed[0] as string, k.value)
      : code`!(${chain(
          allowed.map((type) => condition(valid, type, k.value)),
          "||",
          code`false`,
        )})`;
  const invalid = mismatch(VALID, INVALID);
  const issue = {
    keyword: "type",
    schemaPath: k.at("type"),
    message: `must be ${allowed.join(" or ")}`,
    got: code`${R.typeName}(${k.value})`,
  };
  k.fast.line(code`if (${mismatch(FAST_VALID, FAST_INVALID)}) return false;`);
  k.sure = allowed.length === 1 ? allowed[0] : undefined;
  if (!k.inline) {
    k.collect.if(invalid, (w) => w.call("return ", k.report(issue)));
    return false;
  }
  k.collect.begin(code`if (${invalid}) {`);
  k.fail(k.collect, issue);
  k.collect.orElse();
  return true;
}
