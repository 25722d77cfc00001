import { type Code, chain, code, literal } from "../codegen/code.js";
import { N, R } from "../codegen/names.js";
import { DIRECTION, isTolerant } from "./openapi.js";
import type { KeywordScope } from "./scope.js";

/** `enum` (and JSON Schema's `const`, its one-value form): the value must equal a listed one. */

/**
 * Longer lists of primitives are looked up in a module-level Set. Up to a few dozen values a
 * chain of `!==` is faster in V8 (strings of another length differ at the first compare;
 * FaxStatus' 23 values: ~15% of a FaxList validation with a Set), and it is what ajv writes.
 */
const SET_FROM = 33;

const isPrimitive = (value: unknown) => value === null || typeof value !== "object";

/** The condition under which `v` is none of `values`. */
function notListed(k: KeywordScope, values: readonly unknown[]): Code {
  const v = k.value;
  if (values.length === 0) return code`true`;
  if (!values.every(isPrimitive))
    return code`!(${chain(
      values.map((value) => code`${R.deepEqual}(${v}, ${literal(value)})`),
      "||",
      code`false`,
    )})`;
  // A Set compares with SameValueZero, so NaN (YAML can write it) keeps the === chain.
  if (values.length >= SET_FROM && !values.some((value) => Number.isNaN(value))) {
    const set = k.compiler.module.constant("enum", code`/* @__PURE__ */ new Set(${literal(values, 2)})`);
    return code`!${set}.has(${v})`;
  }
  return chain(
    values.map((value) => code`${v} !== ${literal(value)}`),
    "&&",
    code`true`,
  );
}

/**
 * Writes `enum` / `const`. In a drift-tolerant response an unlisted primitive is reported as
 * drift instead of an issue (the API adds enum values over time).
 */
export function emitEnum(k: KeywordScope): void {
  const keyword = Array.isArray(k.schema.enum) ? "enum" : Object.hasOwn(k.schema, "const") ? "const" : undefined;
  if (keyword === undefined) return;
  const values = keyword === "enum" ? (k.schema.enum as unknown[]) : [k.schema.const];
  const invalid = notListed(k, values);
  const listed = values.map((value) => literal(value).text).join(", ");
  const message = keyword === "enum" ? `must be one of ${listed}` : `must be ${listed}`;
  const issue = { keyword, schemaPath: k.at(keyword), message, got: code`${R.show}(${k.value})` };
  const primitive = code`typeof ${k.value} !== "object"`;
  k.fast.line(code`if (${invalid} && !(${isTolerant(DIRECTION.fast)} && ${primitive})) return false;`);
  k.collect.if(invalid, (w) =>
    w.if(
      code`${isTolerant(DIRECTION.collect)} && ${primitive}`,
      (t) => t.line(code`${R.drift}(${N.ctx}, ${k.path}, "enum", ${k.value});`),
      (e) => k.fail(e, issue),
    ),
  );
}
