import type { Provenance } from "../emit/banner.js";
import { tsBanner } from "../emit/banner.js";
import { quoteDocLine } from "../quote/doc-text.js";
import { quoteJsString } from "../quote/js-string.js";
import { quotePropertyKey } from "../quote/property-key.js";
import { Code, code, Name } from "./codegen/code.js";
import { ModuleBuilder, wrapCommentLines } from "./codegen/module.js";
import { ImportedName, R } from "./codegen/names.js";
import { importedCheck, type SchemaTable, specifierFrom } from "./module-compiler.js";

/** One generated module: path relative to the validators folder, and its source. */
export interface ValidatorModule {
  path: string;
  content: string;
}

type Kind = "validate" | "is" | "assert";

const DOCS: Record<Kind, (name: string, id: string) => string[]> = {
  validate: (name, id) => [
    `Validates a value against the ${name} schema: \`{ ok: true, value }\` or \`{ ok: false, issues }\` with every issue.`,
    "",
    "@example",
    "```ts",
    `const result = validate.${id}(input);`,
    "if (!result.ok) console.error(result.issues.map((i) => i.message));",
    "```",
  ],
  is: (name, id) => [`Type guard for the ${name} schema.`, "", "@example", "```ts", `if (is.${id}(input)) use(input);`, "```"],
  assert: (name, id) => [
    `Asserts a value matches the ${name} schema; throws \`FaxValidationError\` carrying every issue.`,
    "",
    "@example",
    "```ts",
    `assert.${id}(input); // input is now typed`,
    "```",
  ],
};

/**
 * `validate.ts` / `is.ts` / `assert.ts`: one exported function per component schema that runs
 * the schema's fast pass itself (no shared wrapper, so each call site stays monomorphic) and
 * the collecting pass only for a value it rejects. Function declarations: a bundler keeps
 * only those used.
 */
export function emitPublicFunctions(
  kind: Kind,
  names: string[],
  schemas: SchemaTable,
  provenance: Provenance,
  targets: { runtime: string; types: string },
): ValidatorModule {
  const path = `${kind}.ts`;
  const module = new ModuleBuilder(specifierFrom(path, targets.runtime));
  const T = new ImportedName("*", specifierFrom(path, targets.types), "T", true);
  for (const name of names) {
    const id = schemas.typeOf(name);
    const type = code`${T}.${new Name(id)}`;
    const check = importedCheck(name, schemas, path);
    const test = code`${check}.test(value, 0, 0)`;
    const w = module.section();
    w.line(
      new Code(
        `/**\n${DOCS[kind](quoteDocLine(name), id)
          .map((line) => (line === "" ? " *" : ` * ${line}`))
          .join("\n")}\n */`,
      ),
    );
    if (kind === "is") {
      w.function(code`export function ${new Name(id)}(value: unknown): value is ${type}`, (f) =>
        f.try(
          (t) => t.line(code`return ${test};`),
          (c) => c.line(code`return false;`),
        ),
      );
      continue;
    }
    const returns = kind === "validate" ? code`${R.ValidationResult}<${type}>` : code`asserts value is ${type}`;
    w.function(code`export function ${new Name(id)}(value: unknown): ${returns}`, (f) => {
      f.try(
        (t) =>
          kind === "validate"
            ? t.if(test, (then) => then.line(code`return { ok: true, value: value as ${type} };`))
            : t.line(code`if (${test}) return;`),
        (c) => c.line(code`// a throwing getter or a revoked Proxy: the collecting pass reports it`),
      );
      f.line(
        kind === "validate" ? code`return ${R.failure}(${check}, value);` : code`throw ${R.assertionError}(${check}, value, ${name});`,
      );
    });
  }
  return {
    path,
    content: module.render(tsBanner(provenance, `\`${kind}.<Schema>\` for every component schema; bundlers keep only those used.`)),
  };
}

/**
 * `named.ts`: every public function again under a flat name (`validateFax`, `isFax`,
 * `assertFax`), re-exported from `validate.ts`, `is.ts` and `assert.ts`. A package root can
 * `export *` this module: a named import of one of them is dropped by every bundler when
 * unused, unlike a member of a re-exported namespace (`validate.Fax`), which esbuild keeps
 * whole (evanw/esbuild#1420).
 */
export function emitNamedExports(names: string[], schemas: SchemaTable, provenance: Provenance): ValidatorModule {
  let out = wrapCommentLines(
    tsBanner(
      provenance,
      "`validate<Schema>`, `is<Schema>` and `assert<Schema>` as flat named exports (tree-shakable from a package root).",
    ),
  );
  for (const kind of ["validate", "is", "assert"] as const) {
    out += "\nexport {\n";
    for (const name of names) out += `  ${schemas.typeOf(name)} as ${kind}${schemas.typeOf(name)},\n`;
    out += `} from ${quoteJsString(`./${kind}.js`)};\n`;
  }
  return { path: "named.ts", content: out };
}

/** `operations.ts`: operationId → that operation's validators (importing it loads them all, by design). */
export function emitOperationIndex(
  ids: string[],
  moduleOf: (id: string) => { local: string; file: string },
  provenance: Provenance,
): ValidatorModule {
  let out = wrapCommentLines(tsBanner(provenance, "Validators of every operation, keyed by operationId (importing this loads them all)."));
  out += "\n";
  for (const id of ids) out += `import * as ${moduleOf(id).local} from ${quoteJsString(`./operations/${moduleOf(id).file}.js`)};\n`;
  out += "\n/** operationId → { params, body, bodyRequired, responses } */\nexport const operationValidators = {\n";
  for (const id of ids) out += `  ${quotePropertyKey(id)}: ${moduleOf(id).local},\n`;
  out += "} as const;\n\nexport type ValidatedOperationId = keyof typeof operationValidators;\n";
  return { path: "operations.ts", content: out };
}

/**
 * `operation-loaders.ts`: operationId → a loader of that operation's module. The specifiers
 * must be string literals for bundlers to split each operation into its own chunk, which is
 * why this table is generated: a spec that adds an operation gets its loader on regeneration.
 */
export function emitOperationLoaders(ids: string[], fileOf: (id: string) => string, provenance: Provenance): ValidatorModule {
  let out = wrapCommentLines(tsBanner(provenance, "A loader per operation: its validators are imported on first use, each its own chunk."));
  out += '\nimport type { operationValidators, ValidatedOperationId } from "./operations.js";\n\n';
  out += "/** operationId → `import()` of that operation's validators. */\n";
  out +=
    "export const operationLoaders: {\n  readonly [Id in ValidatedOperationId]: () => Promise<(typeof operationValidators)[Id]>;\n} = {\n";
  for (const id of ids) out += `  ${quotePropertyKey(id)}: () => import(${quoteJsString(`./operations/${fileOf(id)}.js`)}),\n`;
  out += "};\n";
  return { path: "operation-loaders.ts", content: out };
}
