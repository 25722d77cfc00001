import { isObject, type JsonObject } from "../../model/operations.js";
import { type Code, chain, code } from "../codegen/code.js";
import { N } from "../codegen/names.js";
import { member } from "./object.js";
import { type Compiled, callCompiled, type KeywordScope } from "./scope.js";

/**
 * `allOf`, `anyOf`, `oneOf`, `not`. The branches of anyOf/oneOf/not are tried with their fast
 * passes only (in the collecting pass too): a branch's own issues are not the value's issues.
 */

/** `(v, r, n)` in the fast pass, `(v, c.r, c.n)` in the collecting pass. */
const fastArgs = (v: Code) => code`${v}, ${N.direction}, ${N.depth}`;
const collectArgs = (v: Code) => code`${v}, ${N.ctx}.r, ${N.ctx}.n`;

/** A branch as a condition that holds when the value matches it, in one pass. */
type Branch = (args: (v: Code) => Code) => Code;

/** Compiles a branch; `{ required: [...] }` alone becomes an inline presence test. */
function branch(k: KeywordScope, schema: unknown, schemaPath: string): Branch {
  if (k.compiler.isTrivial(schema)) return () => code`true`;
  const names = requiredOnly(schema);
  if (names !== undefined && k.sure === "object") {
    const present = chain(
      names.map((name) => member(k.value, name).present),
      "&&",
      code`true`,
    );
    return () => present;
  }
  const compiled = k.compiler.compile(schema, schemaPath) as Compiled;
  return (args) => code`${compiled.test}(${args(k.value)})`;
}

/** The names of a branch that only lists required properties (the "at least one of" idiom). */
function requiredOnly(schema: unknown): string[] | undefined {
  if (!isObject(schema) || !Array.isArray(schema.required)) return undefined;
  if (!Object.keys(schema).every((key) => key === "required" || key === "description")) return undefined;
  return schema.required as string[];
}

export function emitCombinators(k: KeywordScope): void {
  const s = k.schema;
  if (Array.isArray(s.allOf))
    for (const [index, sub] of s.allOf.entries()) {
      const at = k.at("allOf", String(index));
      if (k.compiler.isTrivial(sub)) continue;
      if (k.compiler.isInlinable(sub)) k.compiler.emitChecks(k.under(sub as JsonObject, at, k.value, k.path));
      else callCompiled(k, k.compiler.compile(sub, at) as Compiled, k.value, k.path);
    }
  if (Array.isArray(s.anyOf)) emitAnyOf(k, s.anyOf);
  if (Array.isArray(s.oneOf)) emitOneOf(k, s.oneOf);
  if (s.not !== undefined) {
    const test = branch(k, s.not, k.at("not"));
    k.fast.line(code`if (${test(fastArgs)}) return false;`);
    k.collect.if(test(collectArgs), (w) =>
      k.fail(w, { keyword: "not", schemaPath: k.at("not"), message: "must not match the schema in not" }),
    );
  }
}

function emitAnyOf(k: KeywordScope, subs: unknown[]): void {
  const branches = subs.map((sub, index) => branch(k, sub, k.at("anyOf", String(index))));
  const names = subs.map(requiredOnly);
  const message = names.every((list) => list !== undefined)
    ? `must have at least one of the properties ${names.map((list) => list.map((name) => `'${name}'`).join(" + ")).join(", ")}`
    : `must match at least one of the ${subs.length} schemas in anyOf`;
  const none = (args: (v: Code) => Code) =>
    code`!(${chain(
      branches.map((b) => b(args)),
      "||",
      code`false`,
    )})`;
  k.fast.line(code`if (${none(fastArgs)}) return false;`);
  k.collect.if(none(collectArgs), (w) => k.fail(w, { keyword: "anyOf", schemaPath: k.at("anyOf"), message }));
}

function emitOneOf(k: KeywordScope, subs: unknown[]): void {
  const branches = subs.map((sub, index) => branch(k, sub, k.at("oneOf", String(index))));
  const count = (args: (v: Code) => Code) =>
    chain(
      branches.map((b) => code`(${b(args)} ? 1 : 0)`),
      "+",
      code`0`,
    );
  k.fast.line(code`if (${count(fastArgs)} !== 1) return false;`);
  const matched = k.compiler.module.locals.next("matched");
  k.collect.line(code`const ${matched} = ${count(collectArgs)};`);
  k.collect.if(code`${matched} !== 1`, (w) =>
    k.fail(w, {
      keyword: "oneOf",
      schemaPath: k.at("oneOf"),
      message: `must match exactly one of the ${subs.length} schemas in oneOf`,
      got: matched,
    }),
  );
}
