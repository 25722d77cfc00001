/**
 * JSON-Schema-Test-Suite (draft-04) conformance of the validator compiler and runtime.
 *
 * Every group of the vendored suite (test/fixtures/json-schema-test-suite/draft4, including
 * optional/) runs through the same path as the generated validators: the group's schema is
 * compiled by `emitStandaloneValidator` (@faxkit/codegen) into a module importing
 * src/internal/runtime.ts, vitest transforms and imports it, and each case checks
 * - `run(check, data).ok === valid` (fast mode first, then the collecting walk), with at
 *   least one issue carrying a message for an invalid value and none for a valid one;
 * - a direct collect-mode walk (`check(data, "", ctx)` with an issue list) agrees: it returns
 *   `valid`, and reports no issue for a valid value and ≥1 issue of a real keyword for an
 *   invalid one.
 *
 * What does not run is listed in EXCLUSIONS below, each entry with its reason, and nowhere
 * else. The "exclusion table" tests fail when an entry names a file, group or case the suite
 * does not have, when an entry is redundant, when a group that runs uses a keyword OpenAPI 3.0
 * does not allow (so it must be excluded explicitly), and when an OpenAPI 3.0 keyword is not
 * exercised by any running case.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Check, type Ctx, run, type ValidationIssue } from "../../src/internal/runtime.js";
import { createValidatorLoader } from "./load-validator.js";

// ─── Exclusions ────────────────────────────────────────────────────────────────────────────
// THE one list of everything in the suite that does not run. `file` is relative to draft4/;
// without `group` the whole file is excluded, without `case` the whole group.

const NOT_OAS = (keyword: string) => `${keyword} is not an OpenAPI 3.0 Schema Object keyword`;
const TUPLE_ITEMS = "array-form (tuple) items is not allowed in OpenAPI 3.0: items must be a single schema";
const REMOTE_REF = "remote refs not supported: local $refs only (the suite's remotes/ are not vendored)";
const ID = "id is not an OpenAPI 3.0 keyword: a $ref is a JSON pointer into the document, never resolved against an id";
const URI_SHAPE =
  "by design the runtime's uri format checks the shape only (scheme, ':', no whitespace), not RFC 3986 characters/percent-encoding/ports; format uri is not used by the Fax.Plus spec";
interface Exclusion {
  file: string;
  group?: string;
  case?: string;
  reason: string;
}

const EXCLUSIONS: readonly Exclusion[] = [
  // Whole files.
  { file: "additionalItems.json", reason: NOT_OAS("additionalItems") },
  { file: "dependencies.json", reason: NOT_OAS("dependencies") },
  { file: "patternProperties.json", reason: NOT_OAS("patternProperties") },
  { file: "refRemote.json", reason: REMOTE_REF },
  {
    file: "definitions.json",
    reason: `validates a schema against the draft-04 metaschema through a remote $ref (${REMOTE_REF}); definitions only serve as local $ref targets`,
  },
  { file: "optional/id.json", reason: ID },
  {
    file: "optional/format/ipv6.json",
    reason:
      "format ipv6 is not asserted: the runtime checks the formats it knows (email, date-time, date, time, uri, uuid, ipv4, hostname, byte) and treats others as annotations, as draft-04 allows; ipv6 is not used by the Fax.Plus spec",
  },

  // Groups.
  {
    file: "additionalProperties.json",
    group: "additionalProperties being false does not allow other properties",
    reason: NOT_OAS("patternProperties"),
  },
  { file: "additionalProperties.json", group: "non-ASCII pattern with additionalProperties", reason: NOT_OAS("patternProperties") },
  { file: "items.json", group: "an array of schemas for items", reason: TUPLE_ITEMS },
  { file: "items.json", group: "items and subitems", reason: `${TUPLE_ITEMS}; ${NOT_OAS("additionalItems")}` },
  { file: "items.json", group: "array-form items with null instance elements", reason: TUPLE_ITEMS },
  {
    file: "properties.json",
    group: "properties, patternProperties, additionalProperties interaction",
    reason: NOT_OAS("patternProperties"),
  },
  { file: "ref.json", group: "relative pointer ref to array", reason: TUPLE_ITEMS },
  { file: "ref.json", group: "$ref prevents a sibling id from changing the base uri", reason: ID },
  { file: "ref.json", group: "remote ref, containing refs itself", reason: REMOTE_REF },
  { file: "ref.json", group: "Recursive references between schemas", reason: `${ID}; its $refs are relative URIs` },
  { file: "ref.json", group: "Location-independent identifier", reason: `${ID} (no "#name" anchors)` },
  { file: "ref.json", group: "Location-independent identifier with base URI change in subschema", reason: `${ID}; ${REMOTE_REF}` },
  { file: "ref.json", group: "id must be resolved against nearest parent, not just immediate parent", reason: ID },
  { file: "ref.json", group: "id with file URI still resolves pointers - *nix", reason: ID },
  { file: "ref.json", group: "id with file URI still resolves pointers - windows", reason: ID },
  { file: "uniqueItems.json", group: "uniqueItems with an array of items", reason: TUPLE_ITEMS },
  {
    file: "uniqueItems.json",
    group: "uniqueItems with an array of items and additionalItems=false",
    reason: `${TUPLE_ITEMS}; ${NOT_OAS("additionalItems")}`,
  },
  { file: "uniqueItems.json", group: "uniqueItems=false with an array of items", reason: TUPLE_ITEMS },
  {
    file: "uniqueItems.json",
    group: "uniqueItems=false with an array of items and additionalItems=false",
    reason: `${TUPLE_ITEMS}; ${NOT_OAS("additionalItems")}`,
  },
  {
    file: "optional/ecmascript-regex.json",
    group: "patterns always use unicode semantics with patternProperties",
    reason: NOT_OAS("patternProperties"),
  },
  {
    file: "optional/ecmascript-regex.json",
    group: "\\w in patternProperties matches [A-Za-z0-9_], not unicode letters",
    reason: NOT_OAS("patternProperties"),
  },
  { file: "optional/ecmascript-regex.json", group: "patternProperties with ASCII ranges", reason: NOT_OAS("patternProperties") },
  {
    file: "optional/ecmascript-regex.json",
    group: "\\d in patternProperties matches [0-9], not unicode digits",
    reason: NOT_OAS("patternProperties"),
  },
  { file: "optional/ecmascript-regex.json", group: "patternProperties with non-ASCII digits", reason: NOT_OAS("patternProperties") },
  {
    file: "optional/non-bmp-regex.json",
    group: "Proper UTF-16 surrogate pair handling: patternProperties",
    reason: NOT_OAS("patternProperties"),
  },

  // Single cases.
  {
    file: "optional/zeroTerminatedFloats.json",
    group: "some languages do not distinguish between different types of numeric value",
    case: "a float is not an integer even without fractional part",
    reason: "JSON.parse gives the same JavaScript number for 1.0 and 1, so 1.0 is an integer (as in draft-06 and later, and in ajv)",
  },
  ...[
    "invalid userinfo",
    "unescaped non US-ASCII characters",
    "invalid backslash character",
    'invalid " character',
    "invalid <> characters",
    "invalid {} characters",
    "invalid ^ character",
    "invalid ` character",
    "invalid | character",
    "invalid percent-encoding with non-hex digits",
    "incomplete percent-encoding triplet",
    "lone percent sign is invalid",
    "non-numeric port is invalid",
    "leading zero in an embedded IPv4 address is invalid",
    "square brackets are not allowed in a path segment",
  ].map((name) => ({ file: "optional/format/uri.json", group: "validation of URIs", case: name, reason: URI_SHAPE })),
];

// ─── The suite ─────────────────────────────────────────────────────────────────────────────

interface SuiteCase {
  description: string;
  data: unknown;
  valid: boolean;
}
interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: SuiteCase[];
}
interface SuiteFile {
  file: string;
  groups: SuiteGroup[];
}

const SUITE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "json-schema-test-suite", "draft4");

function listJson(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listJson(join(dir, entry.name), `${prefix}${entry.name}/`)
        : entry.name.endsWith(".json")
          ? [`${prefix}${entry.name}`]
          : [],
    )
    .sort();
}

// JSON.parse, not a JSON import: the suite has properties named "__proto__", which an object
// literal would turn into a prototype.
const SUITE: SuiteFile[] = listJson(SUITE_DIR).map((file) => ({
  file,
  groups: JSON.parse(readFileSync(join(SUITE_DIR, file), "utf8")) as SuiteGroup[],
}));

const exclusionOf = (file: string, group?: string, testCase?: string): Exclusion | undefined =>
  EXCLUSIONS.find((e) => e.file === file && e.group === group && e.case === testCase);

interface CaseRow {
  file: string;
  group: SuiteGroup;
  testCase: SuiteCase;
  /** The entry of EXCLUSIONS that keeps this case from running (its own, its group's or its file's). */
  excludedBy: Exclusion | undefined;
}

const ROWS: CaseRow[] = SUITE.flatMap(({ file, groups }) =>
  groups.flatMap((group) =>
    group.tests.map((testCase) => ({
      file,
      group,
      testCase,
      excludedBy: exclusionOf(file) ?? exclusionOf(file, group.description) ?? exclusionOf(file, group.description, testCase.description),
    })),
  ),
);

// ─── OpenAPI 3.0 keywords ──────────────────────────────────────────────────────────────────

/**
 * The validation keywords of an OpenAPI 3.0 Schema Object that the draft-04 suite exercises.
 * (OpenAPI 3.0 wants `type` to be one string; the compiler also takes draft-04 type arrays and
 * `"null"`, so those groups run as well.)
 */
const OAS_KEYWORDS = [
  "type",
  "enum",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "items",
  "maxProperties",
  "minProperties",
  "required",
  "properties",
  "additionalProperties",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "$ref",
  "format",
  "default",
  "definitions",
] as const;

/** Annotations: allowed, never validated (`$comment` is in a few draft-04 groups). */
const ANNOTATIONS = new Set(["title", "description", "$comment"]);
const KNOWN = new Set<string>(OAS_KEYWORDS);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Walks a schema: keywords used go to `used`, anything OpenAPI 3.0 does not allow to the result. */
function audit(schema: unknown, used: Set<string>, at = "#", problems: string[] = []): string[] {
  if (!isObject(schema)) {
    problems.push(`${at}: not a schema object`);
    return problems;
  }
  for (const [key, value] of Object.entries(schema)) {
    const here = `${at}/${key}`;
    if (KNOWN.has(key)) used.add(key);
    else if (!ANNOTATIONS.has(key)) problems.push(`${here}: ${NOT_OAS(key)}`);
    switch (key) {
      case "$ref":
        if (typeof value !== "string" || (value !== "#" && !value.startsWith("#/")))
          problems.push(`${here}: not a local JSON-pointer $ref (${String(value)})`);
        break;
      case "items":
        if (Array.isArray(value)) problems.push(`${here}: array form`);
        else audit(value, used, here, problems);
        break;
      case "properties":
      case "definitions":
        if (isObject(value)) for (const [name, sub] of Object.entries(value)) audit(sub, used, `${here}/${name}`, problems);
        break;
      case "additionalProperties":
        if (isObject(value)) audit(value, used, here, problems);
        break;
      case "allOf":
      case "anyOf":
      case "oneOf":
        if (Array.isArray(value)) for (const [index, sub] of value.entries()) audit(sub, used, `${here}/${index}`, problems);
        break;
      case "not":
        audit(value, used, here, problems);
        break;
    }
  }
  return problems;
}

// ─── Tests ─────────────────────────────────────────────────────────────────────────────────

const loader = createValidatorLoader("json-schema-test-suite");
afterAll(() => loader.dispose());

/** A message says something beyond the `<path>: ` prefix the runtime puts in front. */
function expectUsefulIssues(issues: readonly ValidationIssue[]) {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.message.startsWith(`${issue.path}: `)).toBe(true);
    expect(issue.message.slice(issue.path.length + 2).trim()).not.toBe("");
    expect(issue.keyword).not.toBe("");
  }
}

const runningGroups = SUITE.flatMap(({ file, groups }) =>
  groups
    .map((group) => ({ file, group, rows: ROWS.filter((r) => r.file === file && r.group === group) }))
    .filter(({ rows }) => rows.some((r) => r.excludedBy === undefined))
    .map(({ file, group, rows }) => [`${file} / ${group.description}`, { file, group, rows }] as const),
);
const excludedGroups = SUITE.flatMap(({ file, groups }) =>
  groups
    .map((group) => ({ file, group, rows: ROWS.filter((r) => r.file === file && r.group === group) }))
    .filter(({ rows }) => rows.every((r) => r.excludedBy !== undefined))
    .map(({ file, group, rows }) => [`${file} / ${group.description}`, { file, group, rows }] as const),
);
const asCaseRows = (rows: CaseRow[]) => rows.map((row) => [row.testCase.description, row] as const);

describe.each(runningGroups)("%s", (_label, { group, rows }) => {
  let check: Check;
  beforeAll(async () => {
    check = await loader.load(group.schema);
  });

  const running = asCaseRows(rows.filter((r) => r.excludedBy === undefined));
  const skipped = asCaseRows(rows.filter((r) => r.excludedBy !== undefined));

  it.each(running)("%s", (_name, { testCase }) => {
    const { data, valid } = testCase;
    const context = () => `schema ${JSON.stringify(group.schema)}\ndata ${JSON.stringify(data)}\nexpected ${valid ? "valid" : "invalid"}`;

    const result = run(check, data);
    expect(result.ok, `run(): ${context()}\nissues ${JSON.stringify(result.issues)}`).toBe(valid);
    if (valid) expect(result.issues).toEqual([]);
    else expectUsefulIssues(result.issues);

    // The fast pass on its own agrees.
    expect(check.test(data, 0, 0), `fast pass: ${context()}`).toBe(valid);

    // The collecting walk on its own (run() only takes it for invalid values).
    const c: Ctx = { i: [], d: null, r: 0, n: 0 };
    const collected = check.collect(data, "", c);
    const issues = c.i as ValidationIssue[];
    expect(collected, `collect mode: ${context()}\nissues ${JSON.stringify(issues)}`).toBe(valid);
    if (valid) expect(issues).toEqual([]);
    else expectUsefulIssues(issues);
  });
  if (skipped.length > 0) it.skip.each(skipped)("%s", () => {});
});

describe.skip.each(excludedGroups)("%s", (_label, { rows }) => {
  it.each(asCaseRows(rows))("%s", () => {});
});

describe("exclusion table", () => {
  it("the vendored suite is present", () => {
    expect(SUITE.length).toBeGreaterThanOrEqual(30);
    expect(ROWS.filter((r) => r.excludedBy === undefined).length).toBeGreaterThan(400);
  });

  it("names only files, groups and cases that exist", () => {
    const missing = EXCLUSIONS.filter((e) => {
      const file = SUITE.find((f) => f.file === e.file);
      if (!file) return true;
      if (e.group === undefined) return e.case !== undefined;
      const group = file.groups.find((g) => g.description === e.group);
      if (!group) return true;
      return e.case !== undefined && !group.tests.some((t) => t.description === e.case);
    });
    expect(missing).toEqual([]);
  });

  it("has no duplicate or redundant entries, and every entry gives a reason", () => {
    const problems = EXCLUSIONS.flatMap((e, index) => {
      const out: string[] = [];
      if (e.reason.trim() === "") out.push(`${JSON.stringify(e)}: no reason`);
      if (EXCLUSIONS.findIndex((o) => o.file === e.file && o.group === e.group && o.case === e.case) !== index)
        out.push(`${JSON.stringify(e)}: duplicate`);
      if (e.group !== undefined && exclusionOf(e.file)) out.push(`${JSON.stringify(e)}: its file is excluded already`);
      if (e.case !== undefined && exclusionOf(e.file, e.group)) out.push(`${JSON.stringify(e)}: its group is excluded already`);
      return out;
    });
    expect(problems).toEqual([]);
    // An excluded group must hold at least one case that would otherwise run (no entry is dead).
    for (const e of EXCLUSIONS) expect(ROWS.some((r) => r.excludedBy === e)).toBe(true);
  });

  it("every group that runs uses only OpenAPI 3.0 keywords (anything else must be excluded above)", () => {
    const used = new Set<string>();
    const problems = runningGroups.flatMap(([label, { group }]) => audit(group.schema, used).map((p) => `${label}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("every OpenAPI 3.0 keyword is exercised by at least one running case", () => {
    const used = new Set<string>();
    for (const [, { group }] of runningGroups) audit(group.schema, used);
    expect(OAS_KEYWORDS.filter((k) => !used.has(k))).toEqual([]);
  });
});
