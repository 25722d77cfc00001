import { followRefs } from "../load/json-pointer.js";
import { isObject } from "../model/operations.js";
import { code } from "./codegen/code.js";
import type { ModuleBuilder } from "./codegen/module.js";
import { N, R, RUNTIME_NAMES } from "./codegen/names.js";
import { Writer } from "./codegen/writer.js";
import { emitArray } from "./keywords/array.js";
import { emitCombinators } from "./keywords/combinators.js";
import { emitEnum } from "./keywords/enum.js";
import { emitFormat } from "./keywords/format.js";
import { emitNumber } from "./keywords/number.js";
import { emitObject } from "./keywords/object.js";
import { type Compiled, type CompilerApi, KeywordScope } from "./keywords/scope.js";
import { emitString } from "./keywords/string.js";
import { emitType } from "./keywords/type.js";
import { createCycleCheck } from "./ref-cycles.js";

/**
 * Compiles OpenAPI 3.0 Schema Objects (3.0.3 §4.7.24: JSON Schema draft-04 validation keywords
 * plus `nullable`, `readOnly`, `writeOnly`) into pairs of plain functions, written into a
 * module: no `eval` or `new Function` at run time, so the output works under a strict
 * Content-Security-Policy. See `Check` in the validator runtime for the two passes.
 */
export interface SchemaCompiler extends CompilerApi {
  /** Compiles a schema into the functions `into` (used for `$ref` targets and a module's own schema). */
  compileInto(schema: unknown, schemaPath: string, into: Compiled): void;
}

/** How a `$ref` becomes the functions that check its target (an import, or a function of this module). */
export type RefResolver = (ref: string) => Compiled;

/** Every runtime name generated modules may import (the safe-name rule keeps schema names off them). */
export const RUNTIME_HELPERS: readonly string[] = RUNTIME_NAMES;

/** Keywords that never make a value invalid on their own. */
const ANNOTATIONS = new Set(
  "title description default example deprecated externalDocs xml discriminator $comment definitions readOnly writeOnly".split(" "),
);
/** Keywords checked without a subschema: a schema made of these is checked in place by its parent. */
const SCALAR = new Set(
  "type nullable enum const format pattern maxLength minLength maximum minimum exclusiveMaximum exclusiveMinimum multipleOf".split(" "),
);

const isExtension = (key: string) => key.startsWith("x-");

export function createSchemaCompiler(document: unknown, module: ModuleBuilder, resolveRef: RefResolver): SchemaCompiler {
  const isCyclic = createCycleCheck(document);

  const isTrivial = (schema: unknown) =>
    schema === true ||
    (isObject(schema) &&
      schema.$ref === undefined &&
      Object.keys(schema).every((key) => ANNOTATIONS.has(key) || isExtension(key) || key === "nullable"));

  const isInlinable = (schema: unknown) =>
    isObject(schema) && Object.keys(schema).every((key) => SCALAR.has(key) || ANNOTATIONS.has(key) || isExtension(key));

  function emitChecks(k: KeywordScope): void {
    const opened = emitType(k);
    for (const family of [emitEnum, emitString, emitFormat, emitNumber, emitArray, emitObject, emitCombinators]) family(k);
    if (opened) k.collect.end();
  }

  /** A `$ref`'s functions; one that can come back to itself goes through a depth guard. */
  function reference(ref: string, schemaPath: string): Compiled {
    const target = resolveRef(ref);
    if (!isCyclic(ref)) return target;
    const guard = module.locals.pair();
    module
      .section()
      .function(code`function ${guard.test}(${N.value}: ${R.Value}, ${N.direction}: number, ${N.depth}: number): boolean`, (w) =>
        w.line(code`return ${N.depth} < ${R.MAX_DEPTH} && ${target.test}(${N.value}, ${N.direction}, ${N.depth} + 1);`),
      );
    module
      .section()
      .function(code`function ${guard.collect}(${N.value}: ${R.Value}, ${N.path}: string, ${N.ctx}: ${R.Ctx}): boolean`, (w) => {
        w.line(code`if (${N.ctx}.n >= ${R.MAX_DEPTH}) return ${R.tooDeep}(${N.ctx}, ${N.path}, ${`${schemaPath}/$ref`});`);
        w.line(code`${N.ctx}.n++;`);
        w.line(code`const ${N.ok} = ${target.collect}(${N.value}, ${N.path}, ${N.ctx});`);
        w.line(code`${N.ctx}.n--;`);
        w.line(code`return ${N.ok};`);
      });
    return guard;
  }

  function compile(schema: unknown, schemaPath: string): Compiled | undefined {
    if (isTrivial(schema)) return undefined;
    if (isObject(schema) && typeof schema.$ref === "string") return reference(schema.$ref, schemaPath);
    const names = module.locals.pair();
    compileInto(schema, schemaPath, names);
    return names;
  }

  function compileInto(schema: unknown, schemaPath: string, into: Compiled): void {
    const fastHead = code`function ${into.test}(${N.value}: ${R.Value}, ${N.direction}: number, ${N.depth}: number): boolean`;
    const collectHead = code`function ${into.collect}(${N.value}: ${R.Value}, ${N.path}: string, ${N.ctx}: ${R.Ctx}): boolean`;
    const fast = module.section();
    const collect = module.section();
    if (schema !== false && !isObject(schema) && schema !== true) throw new Error(`schema at ${schemaPath} is not an object`);
    if (isObject(schema) && typeof schema.$ref === "string") {
      const target = reference(schema.$ref, `${schemaPath}`);
      fast.function(fastHead, (w) => w.line(code`return ${target.test}(${N.value}, ${N.direction}, ${N.depth});`));
      collect.function(collectHead, (w) => w.line(code`return ${target.collect}(${N.value}, ${N.path}, ${N.ctx});`));
      return;
    }
    if (schema === false) {
      fast.function(fastHead, (w) => w.line(code`return false;`));
      collect.function(collectHead, (w) =>
        w.line(code`return ${R.fail}(${N.ctx}, ${N.path}, "not", ${schemaPath}, "no value is allowed here");`),
      );
      return;
    }
    const fastBody = new Writer(1);
    const collectBody = new Writer(1);
    const scope = new KeywordScope(api, isObject(schema) ? schema : {}, schemaPath, N.value, N.path, fastBody, collectBody, false);
    emitChecks(scope);
    fast.function(fastHead, (w) => w.adopt(fastBody).line(code`return true;`));
    collect.function(collectHead, (w) => {
      if (scope.state.failed) w.line(code`let ${N.ok} = true;`);
      w.adopt(collectBody).line(scope.state.failed ? code`return ${N.ok};` : code`return true;`);
    });
  }

  /** readOnly / writeOnly of a property, through `$ref`s. */
  function flagsOf(schema: unknown) {
    const current = followRefs(document, schema).value;
    return { readOnly: isObject(current) && current.readOnly === true, writeOnly: isObject(current) && current.writeOnly === true };
  }

  const api: SchemaCompiler = { module, compile, compileInto, isTrivial, isInlinable, emitChecks, flagsOf };
  return api;
}
