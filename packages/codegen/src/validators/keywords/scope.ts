import { escapeToken } from "../../load/json-pointer.js";
import type { JsonObject } from "../../model/operations.js";
import { Call, Code, code } from "../codegen/code.js";
import type { ModuleBuilder } from "../codegen/module.js";
import { N, R } from "../codegen/names.js";
import type { Writer } from "../codegen/writer.js";
import { fastIsJsonObject } from "./json-object.js";

/** The two passes of a compiled schema, as callee expressions (`test3`, `Fax_check.test`). */
export interface Compiled {
  test: Code;
  collect: Code;
}

/** What keyword modules may ask of the compiler. */
export interface CompilerApi {
  readonly module: ModuleBuilder;
  /** A function pair for a subschema; `undefined` when it accepts everything. */
  compile(schema: unknown, schemaPath: string): Compiled | undefined;
  /** Whether a subschema accepts every value (`true`, `{}`, annotations only). */
  isTrivial(schema: unknown): boolean;
  /** Whether a subschema is checked in place rather than by a function of its own. */
  isInlinable(schema: unknown): boolean;
  /** Writes every check of a scope's schema (all keyword families, in order). */
  emitChecks(scope: KeywordScope): void;
  /** readOnly / writeOnly of a property schema, through `$ref`s. */
  flagsOf(schema: unknown): { readOnly: boolean; writeOnly: boolean };
}

/** One failing condition and how the collecting pass reports it. */
export interface Issue {
  keyword: string;
  /** The schema path of the keyword (a spec string, quoted when written). */
  schemaPath: string;
  /** Plain text (quoted when written), or an expression that makes it at run time. */
  message: string | Code;
  /** The actual value as the message shows it (`(got …)`), an expression of the collecting pass. */
  got?: Code;
  /** The JSON pointer of the offending value, when not the value's own. */
  path?: Code;
}

/**
 * The checks of one schema on one value, written into both passes at once: `fast` returns
 * false at the first failure, `collect` reports each failure with `ok = fail(…)` and goes on.
 */
export class KeywordScope {
  /** The JSON type the checks so far guarantee (after a `type` check), if exactly one. */
  sure: string | undefined;

  constructor(
    readonly compiler: CompilerApi,
    readonly schema: JsonObject,
    readonly schemaPath: string,
    /** The value checked (a parameter or a local). */
    readonly value: Code,
    /** Its JSON pointer, in the collecting pass. */
    readonly path: Code,
    readonly fast: Writer,
    readonly collect: Writer,
    /** Inlined into a parent's function: a failed type check cannot `return`. */
    readonly inline: boolean,
    /** Shared by the scopes of one function: whether its collecting pass wrote `ok = …` (so it needs `let ok`). */
    readonly state: { failed: boolean } = { failed: false },
  ) {}

  /** The schema path of one of this schema's keywords. */
  at(...tokens: string[]): string {
    return [this.schemaPath, ...tokens.map(escapeToken)].join("/");
  }

  /** The runtime call that reports `issue` (its `got` only computed here, on the slow path). */
  report(issue: Issue): Call {
    const args = [
      N.ctx,
      issue.path ?? this.path,
      code`${issue.keyword}`,
      code`${issue.schemaPath}`,
      issue.message instanceof Code ? issue.message : code`${issue.message}`,
    ];
    if (issue.got !== undefined) args.push(issue.got);
    return new Call(R.fail, args);
  }

  /** A check in both passes; `invalid` holds when the value breaks it. */
  check(invalid: Code, issue: Issue): void {
    this.fast.line(code`if (${invalid}) return false;`);
    this.collect.if(invalid, (w) => this.fail(w, issue));
  }

  /** Writes `ok = fail(…);` into the collecting pass. */
  fail(w: Writer, issue: Issue): void {
    this.state.failed = true;
    w.call("ok = ", this.report(issue));
  }

  /** Both passes inside a guard on the value's type, unless that type is already certain. */
  whenType(kind: "string" | "number" | "array" | "object", emit: () => void): void {
    const certain = this.sure === kind || (kind === "number" && this.sure === "integer");
    if (certain) {
      emit();
      return;
    }
    const guard = TYPE_GUARDS[kind](this.value);
    this.fast.begin(code`if (${kind === "object" ? fastIsJsonObject(this.value) : guard}) {`);
    this.collect.begin(code`if (${guard}) {`);
    emit();
    this.fast.end();
    this.collect.end();
  }

  /** The same writers and value under another schema (an inlined subschema, an allOf branch). */
  under(schema: JsonObject, schemaPath: string, value: Code, path: Code): KeywordScope {
    return new KeywordScope(this.compiler, schema, schemaPath, value, path, this.fast, this.collect, true, this.state);
  }
}

/** A cheap test of the JSON type that the type-specific keywords apply to. */
const TYPE_GUARDS = {
  string: (v: Code) => code`typeof ${v} === "string"`,
  number: (v: Code) => code`typeof ${v} === "number"`,
  array: (v: Code) => code`Array.isArray(${v})`,
  object: (v: Code) => code`${R.isJsonObject}(${v})`,
} as const;

/** Calls a compiled subschema on a value in both passes. */
export function callCompiled(k: KeywordScope, compiled: Compiled, value: Code, path: Code): void {
  k.fast.line(code`if (!${compiled.test}(${value}, ${N.direction}, ${N.depth})) return false;`);
  k.state.failed = true;
  k.collect.line(code`if (!${compiled.collect}(${value}, ${path}, ${N.ctx})) ok = false;`);
}

/** Checks a child value (a property, an item) against a subschema: in place when it is simple, else a call. */
export function checkChild(k: KeywordScope, schema: unknown, schemaPath: string, value: Code, path: Code): void {
  if (k.compiler.isTrivial(schema)) return;
  if (k.compiler.isInlinable(schema)) {
    const local = k.compiler.module.locals.next("v");
    k.fast.line(code`const ${local} = ${value};`);
    k.collect.line(code`const ${local} = ${value};`);
    const child = k.under(schema as JsonObject, schemaPath, local, path);
    k.compiler.emitChecks(child);
    return;
  }
  const compiled = k.compiler.compile(schema, schemaPath);
  if (compiled) callCompiled(k, compiled, value, path);
}
