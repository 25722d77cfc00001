import { type ModuleImport, Name } from "./code.js";

/**
 * Every name the generated validators use, in one place: readable names here, short ones in
 * the output, where they appear on every line.
 */
export const N = {
  /** The value being checked. */
  value: new Name("v"),
  /** Fast pass: the direction (0 neutral, 1 request, 2 response, 3 response tolerating drift). */
  direction: new Name("r"),
  /** Fast pass: how many cyclic `$ref`s were followed to get here. */
  depth: new Name("n"),
  /** Collecting pass: the JSON pointer of the value. */
  path: new Name("p"),
  /** Collecting pass: the run context (`c.i` issues, `c.d` drift, `c.r` direction, `c.n` depth). */
  ctx: new Name("c"),
  /** Collecting pass: whether no check failed so far. */
  ok: new Name("ok"),
  /** The fast pass of a module's own schema (`check.test`). */
  test: new Name("test"),
  /** The collecting pass of a module's own schema (`check.collect`). */
  collect: new Name("collect"),
  /** The pair every schema module exports. */
  check: new Name("check"),
} as const;

/** A name that brings its own import: using it in a fragment is what makes the module import it. */
export class ImportedName extends Name {
  constructor(name: string, from: string | null, local = name, type = false) {
    const entry: ModuleImport = { from, name, local, type };
    super(local, [entry]);
  }
}

const runtime = (name: string) => new ImportedName(name, null);
const runtimeType = (name: string) => new ImportedName(name, null, name, true);

/** The runtime helpers compiled code calls (exported by `@faxkit/validator/runtime`). */
export const R = {
  fail: runtime("fail"),
  drift: runtime("drift"),
  tooDeep: runtime("tooDeep"),
  joinPointer: runtime("joinPointer"),
  escapeKey: runtime("escapeKey"),
  isJsonObject: runtime("isJsonObject"),
  typeName: runtime("typeName"),
  show: runtime("show"),
  codePoints: runtime("codePoints"),
  deepEqual: runtime("deepEqual"),
  duplicateItems: runtime("duplicateItems"),
  MAX_DEPTH: runtime("MAX_DEPTH"),
  failure: runtime("failure"),
  assertionError: runtime("assertionError"),
  Ctx: runtimeType("Ctx"),
  Value: runtimeType("Value"),
  Check: runtimeType("Check"),
  ResponseValidator: runtimeType("ResponseValidator"),
  ValidationResult: runtimeType("ValidationResult"),
} as const;

/** The runtime's check of each string format it knows; other formats are annotations. */
export const FORMAT_CHECKS: Readonly<Record<string, ImportedName>> = {
  email: runtime("formatEmail"),
  "date-time": runtime("formatDateTime"),
  date: runtime("formatDate"),
  time: runtime("formatTime"),
  uri: runtime("formatUri"),
  uuid: runtime("formatUuid"),
  ipv4: runtime("formatIpv4"),
  hostname: runtime("formatHostname"),
  byte: runtime("formatByte"),
};

/** Every runtime name a generated module may import (schema names must not take them). */
export const RUNTIME_NAMES: readonly string[] = [...Object.values(R), ...Object.values(FORMAT_CHECKS)].map((name) => name.text);

/** Local names of one module: `v1`, `k2`, `test3`, … (numbered per module, so they never clash). */
export class LocalNames {
  private counter = 0;

  next(stem: string): Name {
    return new Name(`${stem}${++this.counter}`);
  }

  /** `test<n>` and `collect<n>`: the two passes of one compiled schema. */
  pair(): { test: Name; collect: Name } {
    const id = ++this.counter;
    return { test: new Name(`test${id}`), collect: new Name(`collect${id}`) };
  }
}
