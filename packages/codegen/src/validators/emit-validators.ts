import { posix } from "node:path";
import { type Provenance, tsBanner } from "../emit/banner.js";
import { schemaTypeNames } from "../emit/schema-aliases.js";
import { escapeToken, followRefs, parsePointer, resolveLocalRef } from "../load/json-pointer.js";
import { isObject, type JsonObject, listOperations } from "../model/operations.js";
import { effectiveParameters } from "../model/parameters.js";
import { quoteDocLine } from "../quote/doc-text.js";
import { assignFileNames } from "../quote/file-name.js";
import { assignTypeNames } from "../quote/identifier.js";
import { quoteJsLiteral } from "../quote/js-literal.js";
import { quoteJsString } from "../quote/js-string.js";
import { quotePropertyKey } from "../quote/property-key.js";
import { createSchemaCompiler, RUNTIME_HELPERS } from "./schema-compiler.js";

/** One generated validator module: path relative to the validators folder, and its source. */
export interface ValidatorModule {
  path: string;
  content: string;
}

/** Where the generated validators find their runtime and the API's types. */
export interface ValidatorTargets {
  /** Module specifier of the runtime, relative to the validators folder (e.g. `../internal/runtime.js`). */
  runtime: string;
  /** Module specifier of the types package whose aliases name each schema (e.g. `@faxkit/types`). */
  types: string;
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** The runtime import line for a module at `modulePath` (relative to the validators folder). */
function runtimeImport(modulePath: string, targets: ValidatorTargets, extra: readonly string[] = []): string {
  const runtime = targets.runtime.startsWith(".") ? relativeSpecifier(posix.dirname(modulePath), targets.runtime) : targets.runtime;
  return `import { ${[...RUNTIME_HELPERS, ...extra].join(", ")} } from ${quoteJsString(runtime)};\nimport type { Ctx } from ${quoteJsString(runtime)};\n`;
}

function relativeSpecifier(fromDir: string, target: string): string {
  const rel = posix.relative(fromDir, posix.normalize(target));
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** Adds TypeScript parameter types to compiled `function name(v, p, c)` declarations. */
function typed(declarations: readonly string[]): string {
  return declarations
    .map((d) =>
      d
        .replace(/^function (\w+)\(v, p, c\) \{/, "function $1(v: any, p: any, c: Ctx): boolean {")
        // the temporaries of inlined checks hold a property of a narrowed object (unknown)
        .replace(/\{ const (\w+tmp\d+) = /g, "{ const $1: any = "),
    )
    .join("\n\n");
}

/**
 * Compiles one schema into a complete module with a single export `check`, for tests and
 * tools that validate with an arbitrary schema (the JSON-Schema-Test-Suite runs through
 * this). `$ref`s resolve inside `root` (default: the schema itself).
 */
export function emitStandaloneValidator(schema: unknown, runtime: string, root: unknown = schema): string {
  const { compiler } = localCompiler(root, () => undefined);
  const entry = compiler.compile(schema, "#");
  return `import { ${RUNTIME_HELPERS.join(", ")} } from ${quoteJsString(runtime)};\n\n${compiler.declarations.join("\n\n")}\n\nexport const check = ${entry};\n`;
}

/**
 * A compiler whose `$ref`s go to `external(name)` for component schemas it may import,
 * and are otherwise compiled into the same module once (memoised, so recursion works).
 */
function localCompiler(document: unknown, external: (ref: string) => string | undefined) {
  const local = new Map<string, string>();
  let counter = 0;
  const resolveRef = (ref: string): string => {
    const imported = external(ref);
    if (imported !== undefined) return imported;
    const known = local.get(ref);
    if (known !== undefined) return known;
    const name = `ref${counter++}`;
    local.set(ref, name);
    if (!ref.startsWith("#")) throw new Error(`$ref "${ref}" is not local`);
    const target = resolveLocalRef(document, ref);
    if (target === undefined) throw new Error(`$ref "${ref}" points nowhere`);
    const compiled = compiler.compile(target, ref);
    compiler.declarations.push(`function ${name}(v, p, c) {\n  return ${compiled}(v, p, c);\n}`);
    return name;
  };
  const compiler = createSchemaCompiler(document, resolveRef);
  return { compiler, resolveRef };
}

/**
 * Every validator module for a document:
 * - `schemas/<Name>.ts`: one module per component schema, exporting `check`; other
 *   schemas are imported, so importing one validator loads only what it needs;
 * - `operations/<operationId>.ts`: `params`, `body` and one validator per documented
 *   response status (`responses`), with the kind of each body;
 * - `validate.ts`, `is.ts`, `assert.ts`: the typed public functions, one pure export each;
 * - `operations.ts`: operationId → operation validators (loads them all, by design).
 */
export function emitValidatorModules(document: JsonObject, provenance: Provenance, targets: ValidatorTargets): ValidatorModule[] {
  const modules: ValidatorModule[] = [];
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const names = Object.keys(schemas);
  // One identifier per schema, shared with the aliases (`T.<Name>`); file names come from it
  // but stay distinct on case-insensitive file systems.
  const typeNames = schemaTypeNames(names, provenance);
  const typeOf = (name: string) => typeNames.get(name) as string;
  const schemaFiles = assignFileNames([...typeNames.values()]);
  const fileOf = (name: string) => schemaFiles.get(typeOf(name)) as string;

  /** A compiler for a module: component-schema refs become imports (tracked in `imports`). */
  const moduleCompiler = (selfName: string | undefined, modulePath: string) => {
    const imports = new Map<string, string>();
    const { compiler } = localCompiler(document, (ref) => {
      const match = SCHEMA_REF.exec(ref);
      if (!match?.[1]) return undefined;
      const name = parsePointer(`/${decodeURIComponent(match[1])}`)[0] as string;
      if (!Object.hasOwn(schemas, name)) return undefined;
      if (name === selfName) return "check";
      const local = `${typeOf(name)}_check`;
      imports.set(
        local,
        `import { check as ${local} } from ${quoteJsString(relativeSpecifier(posix.dirname(modulePath), `schemas/${fileOf(name)}.js`))};`,
      );
      return local;
    });
    return { compiler, imports };
  };

  for (const name of names) {
    const path = `schemas/${fileOf(name)}.ts`;
    const { compiler, imports } = moduleCompiler(name, path);
    const entry = compiler.compile(schemas[name], `#/components/schemas/${escapeToken(name)}`);
    let out = tsBanner(provenance, `Validator of the component schema ${name}.`);
    out += "// biome-ignore-all lint: generated code\n/* eslint-disable */\n";
    out += runtimeImport(path, targets);
    out += [...imports.values()].sort().join("\n");
    out += `\n\n${typed(compiler.declarations)}\n\n`;
    out += `/** Checks a value against ${quoteDocLine(name)}; see the runtime for the calling convention. */\nexport const check: (v: any, p: any, c: Ctx) => boolean = ${entry};\n`;
    modules.push({ path, content: out });
  }

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
  for (const entry of operations) {
    const operationId = entry.operation.operationId as string;
    const file = opFileOf(operationId);
    const path = `operations/${file}.ts`;
    const { compiler, imports } = moduleCompiler(undefined, path);
    const parts = describeOperationSchemas(document, entry);
    const paramsFn = compiler.compile(parts.params, `${entry.pointer.replace(/^/, "#")}/parameters`);
    const bodyFn = parts.body ? compiler.compile(parts.body.schema, parts.body.schemaPath) : undefined;
    const responses = parts.responses.map((r) =>
      r.kind === "json"
        ? `${quotePropertyKey(r.status)}: { kind: "json", check: ${compiler.compile(r.schema, r.schemaPath)} }`
        : `${quotePropertyKey(r.status)}: { kind: ${quoteJsString(r.kind)}, contentTypes: ${quoteJsLiteral(r.contentTypes)} }`,
    );
    let out = tsBanner(provenance, `Validators of the operation ${operationId}: parameters, request body, responses.`);
    out += "// biome-ignore-all lint: generated code\n/* eslint-disable */\n";
    out += runtimeImport(path, targets);
    out += `import type { ResponseValidator } from ${quoteJsString(targets.runtime.startsWith(".") ? relativeSpecifier(posix.dirname(path), targets.runtime) : targets.runtime)};\n`;
    out += [...imports.values()].sort().join("\n");
    out += `\n\n${typed(compiler.declarations)}\n\n`;
    out += `export const operationId = ${quoteJsString(operationId)};\n`;
    out += `export const method = ${quoteJsString(entry.method.toUpperCase())};\n`;
    out += `export const path = ${quoteJsString(entry.path)};\n`;
    out += `/** Checks \`{ path, query, header }\` parameter objects. */\nexport const params: (v: any, p: any, c: Ctx) => boolean = ${paramsFn};\n`;
    out += `/** Checks the JSON request body; null when the operation takes none or not as JSON. */\nexport const body: ((v: any, p: any, c: Ctx) => boolean) | null = ${bodyFn ?? "null"};\n`;
    out += `export const bodyRequired = ${parts.bodyRequired};\n`;
    out += `export const bodyContentType: string | null = ${quoteJsLiteral(parts.bodyContentType)};\n`;
    out += `/** One validator per documented response status. */\nexport const responses: Record<string, ResponseValidator> = {\n${responses.map((r) => `  ${r},`).join("\n")}\n};\n`;
    modules.push({ path, content: out });
  }

  modules.push(
    emitOperationIndex(
      operations.map((o) => o.operation.operationId as string),
      (id) => ({ local: `op_${opNames.get(id)}`, file: opFileOf(id) }),
      provenance,
    ),
  );
  for (const kind of ["validate", "is", "assert"] as const)
    modules.push(emitPublicFunctions(kind, names, typeNames, fileOf, provenance, targets));
  return modules;
}

/** `operations.ts`: operationId → that operation's validators. */
function emitOperationIndex(
  ids: string[],
  moduleOf: (id: string) => { local: string; file: string },
  provenance: Provenance,
): ValidatorModule {
  let out = tsBanner(provenance, "Validators of every operation, keyed by operationId (importing this loads them all).");
  out += "\n";
  for (const id of ids) out += `import * as ${moduleOf(id).local} from ${quoteJsString(`./operations/${moduleOf(id).file}.js`)};\n`;
  out += "\n/** operationId → { params, body, bodyRequired, responses } */\nexport const operationValidators = {\n";
  for (const id of ids) out += `  ${quotePropertyKey(id)}: ${moduleOf(id).local},\n`;
  out += "} as const;\n\nexport type ValidatedOperationId = keyof typeof operationValidators;\n";
  return { path: "operations.ts", content: out };
}

const PUBLIC_KINDS = {
  validate: {
    factory: "makeValidate",
    type: (t: string) => `(value: unknown) => ValidationResult<T.${t}>`,
    doc: (n: string, t: string) =>
      `Validates a value against the ${n} schema: \`{ ok: true, value }\` or \`{ ok: false, issues }\` with every issue.\n *\n * @example\n * \`\`\`ts\n * const result = validate.${t}(input);\n * if (!result.ok) console.error(result.issues.map((i) => i.message));\n * \`\`\``,
  },
  is: {
    factory: "makeIs",
    type: (t: string) => `(value: unknown) => value is T.${t}`,
    doc: (n: string, t: string) =>
      `Type guard for the ${n} schema.\n *\n * @example\n * \`\`\`ts\n * if (is.${t}(input)) use(input);\n * \`\`\``,
  },
  assert: {
    factory: "makeAssert",
    type: (t: string) => `(value: unknown) => asserts value is T.${t}`,
    doc: (n: string, t: string) =>
      `Asserts a value matches the ${n} schema; throws \`FaxValidationError\` carrying every issue.\n *\n * @example\n * \`\`\`ts\n * assert.${t}(input); // input is now typed\n * \`\`\``,
  },
} as const;

/** `validate.ts` / `is.ts` / `assert.ts`: one pure, typed export per component schema. */
function emitPublicFunctions(
  kind: keyof typeof PUBLIC_KINDS,
  names: string[],
  typeNames: Map<string, string>,
  fileOf: (name: string) => string,
  provenance: Provenance,
  targets: ValidatorTargets,
): ValidatorModule {
  const spec = PUBLIC_KINDS[kind];
  const runtime = targets.runtime.startsWith(".") ? relativeSpecifier(".", targets.runtime) : targets.runtime;
  let out = tsBanner(provenance, `\`${kind}.<Schema>\` for every component schema; each export is pure, so bundlers keep only those used.`);
  out += `\nimport type * as T from ${quoteJsString(targets.types)};\n`;
  out += `import { ${spec.factory}${kind === "validate" ? ", type ValidationResult" : ""} } from ${quoteJsString(runtime)};\n`;
  for (const name of names)
    out += `import { check as ${typeNames.get(name)}_check } from ${quoteJsString(`./schemas/${fileOf(name)}.js`)};\n`;
  for (const name of names) {
    const t = typeNames.get(name) as string;
    out += `\n/**\n * ${spec.doc(quoteDocLine(name), t)}\n */\nexport const ${t}: ${spec.type(t)} = /* @__PURE__ */ ${spec.factory}(${t}_check, ${quoteJsString(name)});\n`;
  }
  return { path: `${kind}.ts`, content: out };
}

interface OperationSchemas {
  params: JsonObject;
  body: { schema: unknown; schemaPath: string } | undefined;
  bodyRequired: boolean;
  bodyContentType: string | null;
  responses: (
    | { status: string; kind: "json"; schema: unknown; schemaPath: string }
    | { status: string; kind: "empty" | "other"; contentTypes: string[] }
  )[];
}

const isJson = (mediaType: string) => /^application\/(?:[\w.+-]*\+)?json(?:;|$)/i.test(mediaType);

/** The schemas of one operation, in the shapes the validators check. */
function describeOperationSchemas(document: JsonObject, entry: ReturnType<typeof listOperations>[number]): OperationSchemas {
  const op = entry.operation;
  const base = `#${entry.pointer}`;
  // Parameters become one object schema { path, query, header }: path and query admit only
  // declared names; headers may carry anything else (clients add their own).
  // Keyed by spec names, so a Map: a parameter named `__proto__` must stay a parameter.
  const byLocation = new Map<string, { properties: [string, unknown][]; required: string[] }>();
  for (const parameter of effectiveParameters(document, entry)) {
    const location = parameter.in as string;
    if (location === "cookie") continue;
    const slot = byLocation.get(location) ?? { properties: [], required: [] };
    byLocation.set(location, slot);
    slot.properties.push([parameter.name as string, parameter.schema ?? {}]);
    if (parameter.required === true) slot.required.push(parameter.name as string);
  }
  const params: JsonObject = { type: "object", additionalProperties: false, properties: {}, required: [] };
  for (const location of ["path", "query", "header"]) {
    const slot = byLocation.get(location);
    if (!slot) continue;
    (params.properties as JsonObject)[location] = {
      type: "object",
      // fromEntries defines own properties (`__proto__` included), unlike assignment.
      properties: Object.fromEntries(slot.properties),
      ...(slot.required.length > 0 ? { required: slot.required } : {}),
      ...(location === "header" ? {} : { additionalProperties: false }),
    };
    if (slot.required.length > 0) (params.required as string[]).push(location);
  }
  if ((params.required as string[]).length === 0) delete params.required;
  // `params` may also be left out entirely when nothing is required.

  const request = followRefs(document, op.requestBody, `${base}/requestBody`);
  const requestBody = isObject(request.value) ? request.value : undefined;
  const content = requestBody && isObject(requestBody.content) ? requestBody.content : {};
  const mediaTypes = Object.keys(content);
  const jsonType = mediaTypes.find(isJson);
  const jsonMedia = jsonType ? (content[jsonType] as JsonObject) : undefined;
  const body =
    jsonType && jsonMedia && jsonMedia.schema !== undefined
      ? { schema: jsonMedia.schema, schemaPath: `${request.pointer}/content/${escapeToken(jsonType)}/schema` }
      : undefined;

  const responses: OperationSchemas["responses"] = [];
  const declared = isObject(op.responses) ? op.responses : {};
  for (const status of Object.keys(declared)) {
    const response = followRefs(document, declared[status], `${base}/responses/${escapeToken(status)}`);
    const responseContent = isObject(response.value) && isObject(response.value.content) ? response.value.content : {};
    const types = Object.keys(responseContent);
    const json = types.find(isJson);
    const media = json ? (responseContent[json] as JsonObject) : undefined;
    if (json && media) {
      responses.push({
        status,
        kind: "json",
        schema: media.schema ?? {},
        schemaPath: `${response.pointer}/content/${escapeToken(json)}/schema`,
      });
    } else responses.push({ status, kind: types.length === 0 ? "empty" : "other", contentTypes: types });
  }
  return {
    params,
    body,
    bodyRequired: requestBody?.required === true,
    bodyContentType: jsonType ?? mediaTypes[0] ?? null,
    responses,
  };
}
