/**
 * Property: whatever strings a spec puts into its name slots (schema and property names, enum
 * values, operationIds, tags, parameter names, descriptions, titles), the generated output
 * type-checks, imports without side effects, and keeps every name as written in its tables.
 * Fixed seed and bounded run count, so the test is reproducible and its time bounded.
 */
import * as fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { CodegenError } from "../src/index.js";
import { bundleAndImport, createGeneratedProject, type GeneratedProject, typeCheck } from "./helpers/generated-project.js";
import { hostileSpec, type NameSlots } from "./helpers/hostile-spec.js";

const RUNS = 200;
const SEED = 20_251_101;
const CANARY = "__faxkitPwned";

/** Pieces that broke, or could break, a generator that pastes names into code. */
const HOSTILE = [
  "*/",
  "/*",
  "//",
  "${",
  "`",
  "'",
  '"',
  "\\",
  "\u2028",
  "\u2029",
  "</script>",
  "<!--",
  "\0",
  "\n",
  "\r",
  "\t",
  "@ts-expect-error",
  "@ts-ignore",
  "@__PURE__",
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "T",
  "ValidationResult",
  "Error",
  "File",
  "Number",
  "Object",
  "Promise",
  "check",
  "_check",
  "default",
  "class",
  "~",
  "/",
  "%",
  "#",
  "{",
  "}",
  ".",
  "-",
  " ",
  "é",
  "😀",
  `*/ globalThis.${CANARY} = 1; /*`,
  `"; globalThis.${CANARY} = 1; "`,
  `\${globalThis.${CANARY} = 1}`,
  `\u2028globalThis.${CANARY} = 1;//`,
  `</script><script>globalThis.${CANARY} = 1</script>`,
];

const piece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) });
const text = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));
/** Twins that differ only in case are what case-insensitive file systems merge. */
const flipCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
const pair = fc
  .tuple(text, text, fc.boolean())
  .map(([a, b, twin]) => [a, twin && flipCase(a) !== a ? flipCase(a) : b] as [string, string])
  .filter(([a, b]) => a !== b);

const slots: fc.Arbitrary<NameSlots> = fc.record({
  schemas: pair,
  property: text.filter((p) => p !== "next"),
  enumValue: text,
  operationIds: pair.filter(([a, b]) => a.trim() !== "" && b.trim() !== ""),
  tag: text,
  parameter: text,
  description: text,
  title: text,
});

interface Case {
  slots: NameSlots;
  project: GeneratedProject;
}

const cases: Case[] = [];
const refusals: string[] = [];
afterAll(async () => {
  await Promise.all(cases.map((c) => c.project.remove()));
});

type Tables = Record<string, Record<string, unknown>>;

/** The names of one case, read back from the imported bundle. */
function expectRoundTrip(module: Tables, s: NameSlots): void {
  const [first, second] = s.operationIds;
  const { operationTable, resourceMap, validatorIndex, specInfo, validate, assert } = module as Tables;
  expect(operationTable?.operationIds).toEqual([first, second]);
  const operations = operationTable?.operations as Record<string, { operationId: string; tag: string; queryParams: string[] }>;
  expect(Object.keys(operations)).toEqual([first, second]);
  expect(Object.hasOwn(operations, first) && operations[first]).toMatchObject({
    operationId: first,
    tag: s.tag,
    queryParams: [s.parameter],
  });
  const resources = resourceMap?.resources as Record<string, Record<string, string>>;
  expect(Object.values(resources).flatMap((group) => Object.values(group))).toEqual([first, second]);
  expect(Object.keys(resourceMap?.operationCalls as object)).toEqual([first, second]);
  const validators = validatorIndex?.operationValidators as Record<string, { operationId: string }>;
  expect(Object.keys(validators).map((id) => Object.hasOwn(validators, id) && validators[id]?.operationId)).toEqual([first, second]);
  expect((specInfo?.specInfo as { title: string }).title).toBe(s.title);

  // Validators are keyed by safe identifiers but report the schema by its original name.
  const schemaOf = (fn: unknown) => {
    try {
      (fn as (value: unknown) => void)(42);
    } catch (error) {
      return (error as { subject: { schema: string } }).subject.schema;
    }
  };
  // (A module namespace lists its exports sorted, not in document order.)
  const reported = Object.entries(assert as object).map(([key, fn]) => [schemaOf(fn), key]);
  expect(reported.map(([schema]) => schema).sort()).toEqual([...s.schemas].sort());
  // The first schema requires the property, whose only allowed value is the enum value.
  const firstKey = reported.find(([schema]) => schema === s.schemas[0])?.[1] as string;
  const validateFirst = (validate as Record<string, (value: unknown) => { ok: boolean }>)[firstKey];
  const valid = JSON.parse(JSON.stringify(Object.fromEntries([[s.property, s.enumValue]])));
  const invalid = JSON.parse(JSON.stringify(Object.fromEntries([[s.property, `${s.enumValue}?`]])));
  expect(validateFirst?.(valid).ok).toBe(true);
  expect(validateFirst?.(invalid).ok).toBe(false);
}

describe("arbitrary strings in every name slot", () => {
  it(`generate, type-check, bundle and import without side effects, names round-tripping (${RUNS} cases)`, async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    try {
      await fc.assert(
        fc.asyncProperty(slots, async (s) => {
          const project = await createGeneratedProject(hostileSpec(s));
          const refused = await project.generate().then(
            () => undefined,
            (error: unknown) => error,
          );
          if (refused !== undefined) {
            // The only acceptable failure: a clear refusal that says where the name is.
            expect(refused).toBeInstanceOf(CodegenError);
            expect((refused as CodegenError).location?.pointer ?? String(refused)).toMatch(/^\//);
            refusals.push((refused as CodegenError).message);
            await project.remove();
            return;
          }
          cases.push({ slots: s, project });
          const module = await bundleAndImport(project);
          expect((globalThis as Record<string, unknown>)[CANARY]).toBeUndefined();
          for (const spy of spies) expect(spy).not.toHaveBeenCalled();
          expectRoundTrip(module as Tables, s);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    } finally {
      for (const spy of spies) spy.mockRestore();
    }

    // One program per batch: TypeScript's lib is parsed once, each batch checked together.
    for (let start = 0; start < cases.length; start += 50) {
      const batch = cases.slice(start, start + 50);
      const diagnostics = typeCheck(batch.map((c) => c.project.entry));
      for (const c of batch) expect(diagnostics.get(c.project.entry) ?? [], JSON.stringify(c.slots)).toEqual([]);
      expect(diagnostics.get("(global)") ?? []).toEqual([]);
    }
    // Refusals are rare (a name openapi-typescript cannot take); most cases must run through.
    expect(cases.length + refusals.length).toBeGreaterThanOrEqual(RUNS);
    expect(cases.length).toBeGreaterThanOrEqual(RUNS * 0.6);
  }, 240_000);
});
