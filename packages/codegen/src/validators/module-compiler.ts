import { posix } from "node:path";
import { parsePointer, resolveLocalRef } from "../load/json-pointer.js";
import { quoteSpecValue } from "../quote/spec-value-text.js";
import { type Code, code } from "./codegen/code.js";
import { ModuleBuilder } from "./codegen/module.js";
import { ImportedName, N } from "./codegen/names.js";
import type { Compiled } from "./keywords/scope.js";
import { createSchemaCompiler, type SchemaCompiler } from "./schema-compiler.js";

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** The module specifier of `target` (relative to the validators folder, or a package) as seen from `modulePath`. */
export function specifierFrom(modulePath: string, target: string): string {
  if (!target.startsWith(".")) return target;
  const rel = posix.relative(posix.dirname(modulePath), posix.normalize(target));
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** The component schemas of a document: their identifiers and module files. */
export interface SchemaTable {
  has(name: string): boolean;
  /** The identifier of a schema (its `T.<Name>` alias and export name). */
  typeOf(name: string): string;
  /** The file stem of a schema's module under `schemas/`. */
  fileOf(name: string): string;
}

/** The schema named by a `#/components/schemas/<name>` pointer, when the document has it. */
export function componentName(ref: string, schemas: SchemaTable): string | undefined {
  const match = SCHEMA_REF.exec(ref);
  if (!match?.[1]) return undefined;
  const name = parsePointer(`/${decodeURIComponent(match[1])}`)[0] as string;
  return schemas.has(name) ? name : undefined;
}

/** The `check` export of a component schema's module, imported into the module at `modulePath`. */
export function importedCheck(name: string, schemas: SchemaTable, modulePath: string): Code {
  const from = specifierFrom(modulePath, `./schemas/${schemas.fileOf(name)}.js`);
  return new ImportedName("check", from, `${schemas.typeOf(name)}_check`);
}

/**
 * A compiler for one module: `$ref`s to component schemas become imports of their modules
 * (the module's own schema: its own functions), any other local `$ref` is compiled into
 * this module once (memoised, so recursion works).
 */
export function createModuleCompiler(
  document: unknown,
  runtime: string,
  modulePath: string,
  schemas: SchemaTable | undefined,
  selfName?: string,
): { module: ModuleBuilder; compiler: SchemaCompiler } {
  const module = new ModuleBuilder(specifierFrom(modulePath, runtime));
  const local = new Map<string, Compiled>();
  const resolveRef = (ref: string): Compiled => {
    const component = schemas && componentName(ref, schemas);
    if (component !== undefined && component === selfName) return { test: N.test, collect: N.collect };
    if (component !== undefined && schemas) {
      const check = importedCheck(component, schemas, modulePath);
      return { test: code`${check}.test`, collect: code`${check}.collect` };
    }
    const known = local.get(ref);
    if (known !== undefined) return known;
    if (!ref.startsWith("#")) throw new Error(`$ref "${quoteSpecValue(ref)}" is not local`);
    const target = resolveLocalRef(document, ref);
    if (target === undefined) throw new Error(`$ref "${quoteSpecValue(ref)}" points nowhere`);
    const names = module.locals.pair();
    local.set(ref, names);
    compiler.compileInto(target, ref, names);
    return names;
  };
  const compiler = createSchemaCompiler(document, module, resolveRef);
  return { module, compiler };
}
