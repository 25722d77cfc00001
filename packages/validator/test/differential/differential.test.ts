/**
 * Differential tests: our precompiled validators against Ajv (built at test time from the
 * resolved spec, see reference-ajv.ts), for every component schema.
 *
 * Per schema, with fast-check (fixed seed; override with DIFF_SEED, runs with DIFF_RUNS):
 * (a) values generated from the schema are valid for both;
 * (b) schema-aware mutations of them (see mutations.ts) get the same verdict from both;
 * and on every value, valid or not:
 * (c) nothing throws (`is`, `validate`, `assert`), the input is not mutated (structural
 *     snapshot before/after; a deep-frozen copy gets the same verdict), the compiled check's
 *     fast mode and collect mode agree;
 * (d) an invalid value has issues, each with a JSON-pointer path that exists in the value,
 *     a keyword, a schemaPath that exists in the spec and ends with that keyword, and a
 *     message that starts with the path; they are located where Ajv locates its errors.
 *
 * Only JSON values are compared (what JSON.parse produces); intended differences on other
 * values are listed in reference-ajv.ts and exercised in hostile-input.test.ts.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FaxValidationError } from "../../src/errors/FaxValidationError.js";
import * as assertModule from "../../src/generated/assert.js";
import * as isModule from "../../src/generated/is.js";
import * as validateModule from "../../src/generated/validate.js";
import type { Check, Ctx, ValidationIssue, ValidationResult } from "../../src/internal/runtime.js";
import { mutationsOf } from "./mutations.js";
import {
  ajvIssueLocations,
  EMAIL_FORMAT_DIFFERENCES,
  getAtPointer,
  type Json,
  referenceValidator,
  referenceVerdict,
  schemaNames,
  spec,
  strictWarnings,
} from "./reference-ajv.js";
import { schemaArbitrary } from "./schema-arbitrary.js";

const SEED = Number(process.env.DIFF_SEED ?? 20_240_611);
const RUNS = Number(process.env.DIFF_RUNS ?? 150);
/** Mutations checked per generated value (picked by fast-check, so they shrink), plus one compound. */
const PICKS = 8;

type Validate = (value: unknown) => ValidationResult<unknown>;
type Is = (value: unknown) => boolean;
type Assert = (value: unknown) => void;

const validators = validateModule as unknown as Record<string, Validate>;
const guards = isModule as unknown as Record<string, Is>;
const asserts = assertModule as unknown as Record<string, Assert>;
const checks = new Map<string, Check>();
// Schemas whose names shadow a global are exported with the generator's `Model` suffix.
const RENAMED: Readonly<Record<string, string>> = { Error: "ErrorModel", File: "FileModel", Number: "NumberModel" };
const exportOf = (name: string): string => RENAMED[name] ?? name;

interface Stats {
  generated: number;
  mutated: number;
  invalid: number;
  keywords: Set<string>;
}
const stats = new Map<string, Stats>();
const timings = new Map<string, number>();

function fail(message: string): never {
  throw new Error(message);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const POINTER = /^(?:\/(?:[^~/]|~[01])*)+$/;

function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `  ${issue.path} [${issue.keyword}] ${issue.schemaPath}: ${issue.message}`).join("\n");
}

/** What JSON.parse can produce (the comparison's domain): dense arrays, plain objects; numbers (1e400 parses to Infinity). */
function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 1_000) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return !Number.isNaN(value);
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) if (!(k in value) || !isJsonValue(value[k], depth + 1)) return false;
    return true;
  }
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((item) => isJsonValue(item, depth + 1));
}

/** All assertions on one value; `expectValid` for generated (not mutated) values. */
function checkValue(name: string, value: Json, expectValid: boolean, what: string): boolean {
  const context = () => `${name} ${what}\nvalue: ${JSON.stringify(value).slice(0, 2000)}`;
  if (!isJsonValue(value)) fail(`harness bug: not a JSON value: ${context()}`);
  const before = structuredClone(value);
  const reference = referenceVerdict(name, value);

  let verdict: boolean;
  let result: ValidationResult<unknown>;
  try {
    verdict = (guards[exportOf(name)] as Is)(value);
    result = (validators[exportOf(name)] as Validate)(value);
  } catch (error) {
    fail(`our validator threw on ${context()}: ${String(error)}`);
  }
  if (expectValid && !reference.valid)
    fail(`generator bug: Ajv rejects a generated value of ${context()}\n${JSON.stringify(reference.errors)}`);
  if (verdict !== reference.valid) {
    fail(
      `verdict differs from Ajv on ${context()}\nours: ${verdict}\n${result.ok ? "" : describeIssues(result.issues)}\najv: ${reference.valid} ${JSON.stringify(reference.errors)}`,
    );
  }
  if (result.ok !== verdict) fail(`validate.${name} and is.${name} disagree on ${context()}`);

  // assert.X throws exactly for invalid values, a FaxValidationError with the same issues.
  let thrown: unknown;
  try {
    (asserts[exportOf(name)] as Assert)(value);
  } catch (error) {
    thrown = error;
  }
  if (verdict && thrown !== undefined) fail(`assert.${name} threw on a valid value: ${context()}`);
  if (!verdict && !(thrown instanceof FaxValidationError)) fail(`assert.${name} did not throw a FaxValidationError: ${context()}`);
  if (thrown instanceof FaxValidationError && (result.ok || !isDeepStrictEqual([...thrown.issues], result.issues))) {
    fail(`assert.${name} issues differ from validate.${name}'s: ${context()}`);
  }

  // Fast mode and collect mode of the compiled check agree.
  const check = checks.get(name) as Check;
  const fastOk = check.test(value, 0, 0);
  const collected: ValidationIssue[] = [];
  const collectOk = check.collect(value, "", { i: collected, d: null, r: 0, n: 0 } satisfies Ctx);
  if (fastOk !== collectOk || collectOk !== (collected.length === 0) || fastOk !== verdict) {
    fail(
      `fast mode (${fastOk}) and collect mode (${collectOk}, ${collected.length} issues) disagree on ${context()}\n${describeIssues(collected)}`,
    );
  }

  if (result.ok) {
    if (result.value !== value) fail(`validate.${name} returned a different value: ${context()}`);
  } else {
    const issues = result.issues;
    if (issues.length === 0) fail(`no issues for an invalid value: ${context()}`);
    for (const issue of issues) {
      const { path, keyword, schemaPath, message } = issue;
      const where = `${context()}\n${describeIssues([issue])}`;
      if (typeof path !== "string" || !(path === "/" || POINTER.test(path))) fail(`issue path is not a JSON pointer: ${where}`);
      if (typeof keyword !== "string" || keyword === "" || keyword === "validation") fail(`issue keyword is missing or generic: ${where}`);
      if (typeof schemaPath !== "string" || !schemaPath.startsWith("#/")) fail(`issue schemaPath is not a spec pointer: ${where}`);
      if (getAtPointer(spec, schemaPath.slice(1)) === undefined) fail(`issue schemaPath does not exist in the spec: ${where}`);
      if (!schemaPath.endsWith(`/${keyword}`)) fail(`issue schemaPath does not end with its keyword: ${where}`);
      if (typeof message !== "string" || !message.startsWith(`${path}: `) || message.length <= path.length + 2)
        fail(`issue message does not name the place: ${where}`);
      if (path !== "/" && getAtPointer(value, path) === undefined) fail(`issue path does not exist in the value: ${where}`);
      stats.get(name)?.keywords.add(keyword);
    }
    if (!isDeepStrictEqual(collected, issues)) fail(`validate.${name} issues differ from the compiled check's: ${context()}`);

    // Same places as Ajv (Ajv may add an `enum` or branch error next to our `type`/`anyOf`).
    const ours = new Set(issues.map((issue) => issue.path));
    const locations = ajvIssueLocations(reference.errors);
    const theirs = new Set(locations.map((location) => location.path));
    const missing = [...theirs].filter((path) => !ours.has(path));
    const extra = [...ours].filter((path) => !theirs.has(path));
    if (missing.length > 0 || extra.length > 0) {
      fail(
        `issue paths differ from Ajv's on ${context()}\nonly Ajv: ${missing.join(", ")}\nonly ours: ${extra.join(", ")}\n${describeIssues(issues)}`,
      );
    }
    for (const issue of issues) {
      if (!locations.some((location) => location.path === issue.path && location.keyword === issue.keyword)) {
        fail(`Ajv has no ${issue.keyword} error at ${issue.path}: ${context()}\n${JSON.stringify(reference.errors)}`);
      }
    }
  }

  // A deep-frozen copy gets the same verdict (a write would throw and surface as an issue).
  const frozen = deepFreeze(structuredClone(value));
  if ((guards[exportOf(name)] as Is)(frozen) !== verdict || (validators[exportOf(name)] as Validate)(frozen).ok !== verdict) {
    fail(`verdict changes on a frozen copy: ${context()}`);
  }
  if (!isDeepStrictEqual(value, before)) fail(`the validator mutated its input: ${context()}`);
  return verdict;
}

beforeAll(async () => {
  for (const name of schemaNames) {
    // A computed specifier: Vite maps a literal `.js` to its `.ts` source, not a template, hence `.ts`.
    const module = (await import(`../../src/generated/schemas/${exportOf(name)}.ts`)) as { check: Check };
    checks.set(name, module.check);
    stats.set(name, { generated: 0, mutated: 0, invalid: 0, keywords: new Set() });
  }
});

afterAll(() => {
  if (process.env.DIFF_REPORT === undefined) return;
  const rows = schemaNames.map((name) => {
    const s = stats.get(name) as Stats;
    return `${name.padEnd(46)} gen ${String(s.generated).padStart(4)} mut ${String(s.mutated).padStart(5)} invalid ${String(s.invalid).padStart(5)} ${String(timings.get(name) ?? 0).padStart(5)} ms  ${[...s.keywords].sort().join(",")}`;
  });
  const total = [...stats.values()].reduce(
    (sum, s) => ({ gen: sum.gen + s.generated, mut: sum.mut + s.mutated, inv: sum.inv + s.invalid }),
    { gen: 0, mut: 0, inv: 0 },
  );
  console.log(`${rows.join("\n")}\nTOTAL generated ${total.gen}, mutated ${total.mut}, invalid ${total.inv} (seed ${SEED}, runs ${RUNS})`);
});

describe("reference (Ajv)", () => {
  it("compiles every component schema of the resolved spec", () => {
    expect(spec.openapi).toMatch(/^3\.0\./);
    expect(schemaNames).toHaveLength(68);
    for (const name of schemaNames) expect(typeof referenceValidator(name)).toBe("function");
    // Strict mode's only remark: Error constrains objects without saying it must be one,
    // so a non-object (e.g. the string "oops") is a valid Error — for both validators.
    expect([...strictWarnings].sort()).toEqual([
      expect.stringContaining('missing type "object" for keyword "additionalProperties"'),
      expect.stringContaining('missing type "object" for keyword "properties"'),
    ]);
    expect(referenceVerdict("Error", "oops").valid).toBe(true);
    expect(guards.ErrorModel?.("oops")).toBe(true);
  });

  it("documents where format: email differs (ours loose, ajv-formats RFC 5322-ish)", () => {
    for (const { value, ours, ajv } of EMAIL_FORMAT_DIFFERENCES) {
      const body = { emails: [value] };
      expect({ value, ours: guards.MemberInvitationRequest?.(body), ajv: referenceVerdict("MemberInvitationRequest", body).valid }).toEqual(
        {
          value,
          ours,
          ajv,
        },
      );
    }
  });
});

/** JSON texts whose parsed values are easy to get wrong; each goes through every check above. */
const JSON_TEXTS: Array<[schema: string, text: string, valid: boolean]> = [
  ["RetryOptions", '{"count": -0, "delay": -0.0}', true],
  ["RetryOptions", '{"count": 3.0, "delay": 30.000000000000001}', true],
  ["RetryOptions", '{"count": 3.0000000000000004}', false],
  ["RetryOptions", '{"count": 1e400}', false],
  ["RetryOptions", '{"delay": -1e400}', false],
  ["RetryOptions", '{"count": 1e-400}', true],
  ["RetryOptions", '{"count": 2E0}', true],
  ["FaxCostDetails", '{"multiplier": 1e400}', false],
  ["FaxCostDetails", '{"multiplier": 5e-324, "notification_cost": -1.7976931348623157e308}', true],
  ["MemberDetail", '{"quota": 123456789012345678901234567890}', true],
  ["MemberDetail", '{"quota": -0.0}', true],
  ["BulkFaxUpdateRequest", '{"ids": ["\\ud800", "\\udc00\\ud800"], "is_read": true}', true],
  ["BulkFaxUpdateRequest", `{"ids": ["${"\\ud83d\\ude00".repeat(32)}"], "is_read": true}`, true],
  ["BulkFaxUpdateRequest", `{"ids": ["${"\\ud83d\\ude00".repeat(33)}"], "is_read": true}`, false],
  ["BulkFaxUpdateRequest", `{"ids": ["${"\\ud800".repeat(33)}"], "is_read": true}`, false],
  ["BulkFaxUpdateRequest", '{"ids": ["a"], "ids": [], "is_read": true}', false],
  ["BulkFaxUpdateRequest", '{"ids": ["a"], "is_read": true, "__proto__": {"is_read": 1}}', false],
  ["BulkFaxUpdateRequest", '{"ids": ["a"], "comment": null}', false],
  ["BulkFaxUpdateRequest", '{"ids": ["a"], "comment": "\\u0000"}', true],
  ["BulkFaxUpdateRequest", '{"ids": ["a"], "": true, "is_read": false}', false],
  ["BulkOperationResultItemFax", '{"id": "x", "code": 204.0}', true],
  ["BulkOperationResultItemFax", '{"id": "x", "code": 2.04e2}', true],
  ["BulkOperationResultItemFax", '{"id": "x", "code": "204"}', false],
  ["AccountStatus", '"active\\u0000"', false],
  ["FaxList", '{"data": {"records": [], "__proto__": {"records": 1}}, "__proto__": null}', true],
  ["Error", '"a plain string is a valid Error (no type: object in the spec)"', true],
  ["Error", '[{"error": 1}]', true],
  // The vendor's email pattern had an unescaped "." (any character); overlays/06 escapes it, so
  // "a@bcd" (no dot in the domain) is rejected on both sides.
  ["PayloadAccountModification", '{"email": "a@bcd"}', false],
  ["PayloadAccountModification", '{"email": "a@b.c\\n"}', false],
  [
    "Account",
    '{"account_type": "individual", "creation_date": "2024-01-02 03:04:05 and anything", "email": "a@b.cd", "status": "active", "uid": "u"}',
    true,
  ],
];

describe("JSON texts at the edges", () => {
  const rows = JSON_TEXTS.map(([name, text, valid]) => ({ name, text, valid, label: text.length > 70 ? `${text.slice(0, 67)}...` : text }));
  it.each(rows)("$name $label", ({ name, text, valid }) => {
    const value = JSON.parse(text) as Json;
    expect(checkValue(name, value, false, `JSON text ${text.slice(0, 80)}`)).toBe(valid);
  });
});

describe.each(schemaNames.map((name, index) => ({ name, index })))("$name", ({ name, index }) => {
  const schema = spec.components.schemas[name];
  const arbitrary = schemaArbitrary({ $ref: `#/components/schemas/${name}` });
  const seed = SEED + index;

  it("(a) generated values are valid for both; (c)(d) on each", () => {
    const started = performance.now();
    fc.assert(
      fc.property(arbitrary, (value) => {
        (stats.get(name) as Stats).generated++;
        checkValue(name, value, true, "generated value");
      }),
      { numRuns: RUNS, seed },
    );
    timings.set(name, Math.round((timings.get(name) ?? 0) + performance.now() - started));
  });

  it("(b) mutated values get Ajv's verdict; (c)(d) on each", () => {
    const started = performance.now();
    fc.assert(
      fc.property(arbitrary, fc.array(fc.nat(), { minLength: 1, maxLength: PICKS }), (value, picks) => {
        const candidates = mutationsOf(schema, value);
        if (candidates.length === 0) return;
        const s = stats.get(name) as Stats;
        let compound: Json = value;
        const applied: string[] = [];
        for (const pick of picks) {
          const mutation = candidates[pick % candidates.length];
          if (mutation === undefined) continue;
          s.mutated++;
          if (!checkValue(name, mutation.apply(value), false, `mutation ${mutation.description}`)) s.invalid++;
          compound = mutation.apply(compound);
          applied.push(mutation.description);
        }
        if (applied.length > 1) {
          s.mutated++;
          if (!checkValue(name, compound, false, `mutations ${applied.join(" + ")}`)) s.invalid++;
        }
      }),
      { numRuns: RUNS, seed: seed + 1_000 },
    );
    timings.set(name, Math.round((timings.get(name) ?? 0) + performance.now() - started));
    expect((stats.get(name) as Stats).invalid).toBeGreaterThan(0);
  });
});
