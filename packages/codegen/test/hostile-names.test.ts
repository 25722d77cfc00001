/**
 * The vendor spec is untrusted input: each reproduction of issue 11 as a behaviour. Every case
 * generates every output (types, resource map, validators) into a temporary folder, then
 * type-checks it and imports it bundled, as a user would.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CodegenError } from "../src/index.js";
import { bundleAndImport, createGeneratedProject, type GeneratedProject, typeCheck } from "./helpers/generated-project.js";
import { hostileSpec, type NameSlots } from "./helpers/hostile-spec.js";

const PLAIN: NameSlots = {
  schemas: ["Thing", "Part"],
  property: "name",
  enumValue: "a",
  operationIds: ["getItem", "putItem"],
  tag: "Items",
  parameter: "q",
  description: "A thing.",
  title: "Things",
};

/** Written by any payload below that manages to run. */
const CANARY = "__faxkitPwned";
const PAYLOAD = `*/ globalThis.${CANARY} = 1; /*`;

let projects: GeneratedProject[] = [];
afterEach(async () => {
  await Promise.all(projects.map((p) => p.remove()));
  projects = [];
  delete (globalThis as Record<string, unknown>)[CANARY];
  vi.restoreAllMocks();
});

async function generated(slots: Partial<NameSlots>): Promise<GeneratedProject> {
  const project = await createGeneratedProject(hostileSpec({ ...PLAIN, ...slots }));
  projects.push(project);
  await project.generate();
  return project;
}

function expectCompiles(project: GeneratedProject): void {
  expect(typeCheck([project.entry]).get(project.entry) ?? []).toEqual([]);
}

/** Imports the bundle with console watched; returns its exports. */
async function importQuietly(project: GeneratedProject): Promise<Record<string, Record<string, unknown>>> {
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
  const module = await bundleAndImport(project);
  for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  expect((globalThis as Record<string, unknown>)[CANARY]).toBeUndefined();
  return module as Record<string, Record<string, unknown>>;
}

const own = (object: unknown) => Object.keys(object as object);

describe("a hostile spec cannot inject code", () => {
  it("a schema name containing */ cannot inject code into the validator modules", async () => {
    const project = await generated({ schemas: [`Evil${PAYLOAD}`, "Part"] });
    expectCompiles(project);
    const module = await importQuietly(project);
    expect(own(module.validate)).toEqual(["EvilGlobalThis__faxkitPwned1", "Part"]);
    const validators = join(project.root, "out", "validators");
    for (const file of ["validate.ts", "is.ts", "assert.ts"]) {
      expect(await readFile(join(validators, file), "utf8")).toContain("Evil*\\/ globalThis.__faxkitPwned = 1; /*");
    }
  });

  it("descriptions, titles and enum values holding */, ${, backticks, U+2028 and </script> stay text", async () => {
    const project = await generated({
      description: `${PAYLOAD}\u2028\`\${globalThis.${CANARY} = 1}\`</script><script>globalThis.${CANARY} = 1</script>`,
      title: `${PAYLOAD}\u2029`,
      enumValue: `"; globalThis.${CANARY} = 1; "\u2028`,
    });
    expectCompiles(project);
    const module = await importQuietly(project);
    expect(module.specInfo?.specInfo).toMatchObject({ title: `${PAYLOAD}\u2029` });
  });

  it("a title or description reading @ts-expect-error does not become a TypeScript directive", async () => {
    // As a directive before a line without an error, it would fail the type check (TS2578).
    const project = await generated({ title: "@ts-expect-error", description: "x\u2028@ts-expect-error" });
    expectCompiles(project);
  });
});

describe("names that are Object.prototype members", () => {
  it("operationIds constructor, toString, valueOf and hasOwnProperty each get their own resource method", async () => {
    for (const pair of [
      ["constructor", "toString"],
      ["valueOf", "hasOwnProperty"],
    ] as [string, string][]) {
      const project = await generated({ operationIds: pair, tag: "Misc" });
      const text = await readFile(join(project.root, "out", "types", "resources.ts"), "utf8");
      expect(text).not.toContain("undefined");
      expectCompiles(project);
      const { resourceMap } = await importQuietly(project);
      const methods = (resourceMap?.resources as Record<string, Record<string, string>>).misc as Record<string, string>;
      // The GET on /items/{id} keeps its operationId as the method name, suffixed.
      expect(methods).toEqual({ [`${pair[0]}Operation`]: pair[0], [`${pair[1]}Operation`]: pair[1] });
    }
  });

  it("an operationId __proto__ is an own key of every generated table", async () => {
    const project = await generated({ operationIds: ["__proto__", "putItem"], parameter: "__proto__", property: "__proto__" });
    expectCompiles(project);
    const { operationTable, resourceMap, validatorIndex } = await importQuietly(project);
    expect(operationTable?.operationIds).toEqual(["__proto__", "putItem"]);
    expect(own(operationTable?.operations)).toEqual(["__proto__", "putItem"]);
    expect(own(resourceMap?.operationCalls)).toEqual(["__proto__", "putItem"]);
    expect(own(validatorIndex?.operationValidators)).toEqual(["__proto__", "putItem"]);
    const table = operationTable?.operations as Record<string, { queryParams: string[] }>;
    expect(Object.hasOwn(table, "__proto__") && table.__proto__?.queryParams).toEqual(["__proto__"]);
  });
});

describe("names that clash with imports or globals", () => {
  it("schemas named T and ValidationResult do not clash with the validators' imports", async () => {
    const project = await generated({ schemas: ["T", "ValidationResult"] });
    expectCompiles(project);
    const { validate } = await importQuietly(project);
    expect(own(validate)).toEqual(["TModel", "ValidationResultModel"]);
  });

  it("aliases Error, File, Number, Object and Promise get the Model suffix instead of shadowing the globals", async () => {
    for (const pair of [
      ["Error", "File"],
      ["Number", "Object"],
      ["Promise", "A_check"],
    ] as [string, string][]) {
      const project = await generated({ schemas: pair });
      expectCompiles(project);
      const aliases = await readFile(join(project.root, "out", "types", "aliases.ts"), "utf8");
      for (const name of pair) expect(aliases).toContain(`export type ${name}Model = components["schemas"][${JSON.stringify(name)}];`);
    }
  });

  it("schemas PET and Pet get file names that differ on case-insensitive file systems", async () => {
    const project = await generated({ schemas: ["Pet", "PET"], operationIds: ["getPet", "getPET"] });
    expectCompiles(project);
    for (const folder of ["schemas", "operations"]) {
      const files = await readdir(join(project.root, "out", "validators", folder));
      expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(2);
    }
    const { assert } = await importQuietly(project);
    const schemaOf = (fn: unknown) => {
      try {
        (fn as (v: unknown) => void)(42);
      } catch (error) {
        return (error as { subject: { schema: string } }).subject.schema;
      }
    };
    expect([schemaOf(assert?.Pet), schemaOf(assert?.PET)]).toEqual(["Pet", "PET"]);
  });
});

describe("refusals", () => {
  it.each([
    ["a schema named valueOf", { schemas: ["valueOf", "Part"] }, "/components/schemas/valueOf"],
    ["a schema name holding a stray %", { schemas: ["Thing", "50%"] }, "/components/schemas/50%"],
  ] as [
    string,
    Partial<NameSlots>,
    string,
  ][])("%s, which openapi-typescript cannot take, is refused with its JSON pointer", async (_what, slots, pointer) => {
    const project = await createGeneratedProject(hostileSpec({ ...PLAIN, ...slots }));
    projects.push(project);
    const error = await project.generate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).location?.pointer).toBe(pointer);
    expect((error as CodegenError).message).toMatch(/rename it/);
  });

  it("a schema name longer than 200 characters is refused with its JSON pointer, and nothing is written", async () => {
    const project = await createGeneratedProject(hostileSpec({ ...PLAIN, schemas: ["x".repeat(201), "Part"] }));
    projects.push(project);
    const error = await project.generate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).location?.pointer).toBe(`/components/schemas/${"x".repeat(201)}`);
    await expect(readdir(join(project.root, "out"))).rejects.toThrow();
  });
});
