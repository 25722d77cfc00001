import { type Provenance, tsBanner } from "../emit/banner.js";
import { schemaTypeNames } from "../emit/schema-aliases.js";
import { escapeToken } from "../load/json-pointer.js";
import { isObject, type JsonObject, listOperations } from "../model/operations.js";
import { quoteDocLine } from "../quote/doc-text.js";
import { assignFileNames } from "../quote/file-name.js";
import { assignTypeNames } from "../quote/identifier.js";
import { quotePropertyKey } from "../quote/property-key.js";
import { Code, code, literal } from "./codegen/code.js";
import { N, R } from "./codegen/names.js";
import { describeOperationSchemas } from "./describe-operation.js";
import {
  emitNamedExports,
  emitOperationIndex,
  emitOperationLoaders,
  emitPublicFunctions,
  type ValidatorModule,
} from "./emit-public-functions.js";
import { componentName, createModuleCompiler, importedCheck, type SchemaTable } from "./module-compiler.js";

export type { ValidatorModule };

/** Where the generated validators find their runtime and the API's types. */
export interface ValidatorTargets {
  /** Module specifier of the runtime, relative to the validators folder (e.g. `../internal/runtime.js`) or a package. */
  runtime: string;
  /** Module specifier of the type aliases naming each schema, relative to the validators folder or a package. */
  types: string;
}

/**
 * Compiles one schema into a complete module with a single export `check`, for tests and
 * tools that validate with an arbitrary schema (the JSON-Schema-Test-Suite runs through
 * this). `$ref`s resolve inside `root` (default: the schema itself).
 */
export function emitStandaloneValidator(schema: unknown, runtime: string, root: unknown = schema): string {
  const { module, compiler } = createModuleCompiler(root, runtime, "check.ts", undefined);
  compiler.compileInto(schema, "#", { test: N.test, collect: N.collect });
  module.section().line(code`export const ${N.check}: ${R.Check} = { ${N.test}, ${N.collect} };`);
  return module.render("");
}

/**
 * Every validator module for a document:
 * - `schemas/<Name>.ts`: one module per component schema, exporting `check`; other
 *   schemas are imported, so importing one validator loads only what it needs;
 * - `operations/<operationId>.ts`: `params`, `body` and one validator per documented
 *   response status (`responses`), with the kind of each body;
 * - `validate.ts`, `is.ts`, `assert.ts`: the typed public functions, one per schema;
 * - `named.ts`: the same functions under flat names (`validateFax`, `isFax`, `assertFax`);
 * - `operations.ts`: operationId → operation validators (loads them all, by design).
 */
export function emitValidatorModules(document: JsonObject, provenance: Provenance, targets: ValidatorTargets): ValidatorModule[] {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const names = Object.keys(schemas);
  // One identifier per schema, shared with the aliases (`T.<Name>`); file names come from it
  // but stay distinct on case-insensitive file systems.
  const typeNames = schemaTypeNames(names, provenance);
  const files = assignFileNames([...typeNames.values()]);
  const table: SchemaTable = {
    has: (name) => Object.hasOwn(schemas, name),
    typeOf: (name) => typeNames.get(name) as string,
    fileOf: (name) => files.get(typeNames.get(name) as string) as string,
  };

  const modules: ValidatorModule[] = names.map((name) => emitSchemaModule(document, name, table, provenance, targets));
  const operations = listOperations(document);
  const opNames = assignTypeNames(
    operations.map(({ operation }) => operation.operationId as string),
    {
      locate: (id) => ({
        file: provenance.spec,
        pointer: `${operations.find((o) => o.operation.operationId === id)?.pointer}/operationId`,
      }),
    },
  );
  const opFiles = assignFileNames([...opNames.values()]);
  const opFileOf = (id: string) => opFiles.get(opNames.get(id) as string) as string;
  for (const entry of operations)
    modules.push(
      emitOperationModule(document, entry, `operations/${opFileOf(entry.operation.operationId as string)}.ts`, table, provenance, targets),
    );
  const ids = operations.map((o) => o.operation.operationId as string);
  modules.push(emitOperationIndex(ids, (id) => ({ local: `op_${opNames.get(id)}`, file: opFileOf(id) }), provenance));
  modules.push(emitOperationLoaders(ids, opFileOf, provenance));
  for (const kind of ["validate", "is", "assert"] as const) modules.push(emitPublicFunctions(kind, names, table, provenance, targets));
  modules.push(emitNamedExports(names, table, provenance));
  return modules;
}

function emitSchemaModule(
  document: JsonObject,
  name: string,
  table: SchemaTable,
  provenance: Provenance,
  targets: ValidatorTargets,
): ValidatorModule {
  const path = `schemas/${table.fileOf(name)}.ts`;
  const { module, compiler } = createModuleCompiler(document, targets.runtime, path, table, name);
  const schemas = (document.components as JsonObject).schemas as JsonObject;
  compiler.compileInto(schemas[name], `#/components/schemas/${escapeToken(name)}`, { test: N.test, collect: N.collect });
  module
    .section()
    .line(new Code(`/** Checks a value against ${quoteDocLine(name)}: \`test\` the fast pass, \`collect\` every issue (see \`Check\`). */`))
    .line(code`export const ${N.check}: ${R.Check} = { ${N.test}, ${N.collect} };`);
  return { path, content: module.render(tsBanner(provenance, `Validator of the component schema ${name}.`)) };
}

function emitOperationModule(
  document: JsonObject,
  entry: ReturnType<typeof listOperations>[number],
  path: string,
  table: SchemaTable,
  provenance: Provenance,
  targets: ValidatorTargets,
): ValidatorModule {
  const operationId = entry.operation.operationId as string;
  const { module, compiler } = createModuleCompiler(document, targets.runtime, path, table);
  /** A `Check` for a schema: a component's own export, or a pair of functions of this module. */
  const checkOf = (schema: unknown, schemaPath: string): Code => {
    const component = isObject(schema) && typeof schema.$ref === "string" ? componentName(schema.$ref, table) : undefined;
    if (component !== undefined) return importedCheck(component, table, path);
    const names = module.locals.pair();
    compiler.compileInto(schema, schemaPath, names);
    return code`{ test: ${names.test}, collect: ${names.collect} }`;
  };
  const parts = describeOperationSchemas(document, entry);
  const params = checkOf(parts.params, `#${entry.pointer}/parameters`);
  const body = parts.body ? checkOf(parts.body.schema, parts.body.schemaPath) : code`null`;
  const responses = parts.responses.map((r) =>
    r.kind === "json"
      ? code`${new Code(quotePropertyKey(r.status))}: { kind: "json", check: ${checkOf(r.schema, r.schemaPath)} },`
      : code`${new Code(quotePropertyKey(r.status))}: { kind: ${r.kind}, contentTypes: ${literal(r.contentTypes)} },`,
  );
  const w = module.section();
  w.line(code`export const operationId = ${operationId};`);
  w.line(code`export const method = ${entry.method.toUpperCase()};`);
  w.line(code`export const path = ${entry.path};`);
  w.line(new Code("/** Checks `{ path, query, header }` parameter objects. */"));
  w.line(code`export const params: ${R.Check} = ${params};`);
  w.line(new Code("/** Checks the JSON request body; null when the operation takes none or not as JSON. */"));
  w.line(code`export const body: ${R.Check} | null = ${body};`);
  w.line(code`export const bodyRequired = ${parts.bodyRequired};`);
  w.line(code`export const bodyContentType: string | null = ${parts.bodyContentType};`);
  w.line(new Code("/** One validator per documented response status. */"));
  w.open(
    code`export const responses: Record<string, ${R.ResponseValidator}> = {`,
    (o) => {
      for (const line of responses) o.line(line);
    },
    "};",
  );
  const banner = tsBanner(provenance, `Validators of the operation ${operationId}: parameters, request body, responses.`);
  return { path, content: module.render(banner) };
}
