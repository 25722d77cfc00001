/**
 * `vitest bench --run` (from packages/validator, or `pnpm bench` at the root); ~1 minute.
 *
 * 1. Throughput, one task per payload and contender:
 *    - `faxkit`: `validate.X` of ../src/index.ts (every issue reported), transpiled module by
 *      module and loaded by Node as ES modules, as a user of the package runs it;
 *    - `faxkit under vitest's module runner`: the same imported from ../src/index.js here
 *      (vitest rewrites every cross-module call into a property read on a module object,
 *      which costs the per-schema modules and runtime helpers up to ~4x on FaxList);
 *    - `faxkit dist/cjs`: the CommonJS build through Node's `require` (when built);
 *    - `ajv` 8 compiled at run time with `AJV_OPTIONS` (`allErrors: true`, ajv-formats, the
 *      whole resolved spec added with `addSchema`);
 *    - `zod` 4 schemas written by hand for the same shapes;
 *    - `JSON.parse` of the same payload, as the yardstick ("validation costs less than parsing").
 *    Payloads: a valid BulkFaxUpdateRequest, an invalid one (101 ids, a 101-character
 *    comment, an unknown property: three issues for every contender) and a FaxList
 *    response of 50 records. Every contender's verdict is checked once before timing.
 * 2. Cold start, each in a fresh `node` process (median of several): import of one generated
 *    schema module (+ the modules it imports; and the same bundled by esbuild) and its
 *    first validation; the whole package as ESM and as CommonJS; against ajv's import +
 *    `new Ajv()` + `addSchema` + compile + first validation of the same schema.
 * 3. Validator generation (`emitValidatorModules`) for Fax.Plus and for GitHub's REST
 *    description (@octokit/openapi, ~13 MB): time, module count and bytes of code; and
 *    Fax.Plus `generate()` end to end with `outputs.validators`.
 *
 * The summary (ratios against the targets, cold start, generation sizes) is printed by the
 * file-level `afterAll` once every task has run.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { Ajv, type Options as AjvOptions, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { build as esbuild } from "esbuild";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { z } from "zod";
import { validate } from "../src/index.js";

const require = createRequire(import.meta.url);
const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));
const REPO_ROOT = join(PACKAGE_ROOT, "..", "..");
const SPEC_FILE = join(REPO_ROOT, "openapi", "dist", "faxplus.resolved.json");
const DIST = join(PACKAGE_ROOT, "dist");
const DIST_INDEX = join(DIST, "index.js");
const DIST_CJS = join(DIST, "cjs", "index.cjs");
const CODEGEN_ROOT = join(REPO_ROOT, "packages", "codegen");
const GITHUB_SPEC = join(
  dirname(createRequire(join(CODEGEN_ROOT, "package.json")).resolve("@octokit/openapi/package.json")),
  "generated",
  "api.github.com.json",
);

const TARGETS = { ajv: 1.0, zod: 10, jsonParse: 1.0, coldStartMs: 3 } as const;
/** Every throughput task: bounded time, so the file stays well under a minute. */
const MICRO = { time: 500, warmupTime: 100 } as const;
/** Cold start: fresh processes per contender; the median is reported. */
const COLD_RUNS = 7;
/** The sweep over every schema module: fewer runs each (it spawns two processes per schema and run). */
const SWEEP_RUNS = 3;

// ---------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------

/** Deterministic hex strings (a small LCG), so every run validates the same bytes. */
function hexFactory(seed: number) {
  let state = seed >>> 0;
  return (length: number) => {
    let out = "";
    while (out.length < length) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      out += state.toString(16).padStart(8, "0");
    }
    return out.slice(0, length);
  };
}
const hex = hexFactory(42);

const FAX_STATUSES = ["success", "success", "success", "partially_sent", "failed_user_busy", "failed_no_answer", "insufficient_credit"];
const COVER_FLAGS = ["urgent", "for_review", "please_reply", "confidential"] as const;

/** A Fax record as the API returns it: every documented property, nullables both ways. */
function faxRecord(index: number): Record<string, unknown> {
  const outgoing = index % 3 !== 0;
  const pages = 1 + (index % 7);
  const minute = String(index % 60).padStart(2, "0");
  const record: Record<string, unknown> = {
    comment: index % 4 === 0 ? `Signed contract #${index}` : "",
    cost: pages,
    cost_details: { multiplier: 1, notification_cost: index % 10 === 0 ? 0.5 : 0 },
    description: outgoing ? "OK" : "Received",
    direction: outgoing ? "outgoing" : "incoming",
    duration: 20 + ((index * 7) % 90),
    file: `${hex(32)}.tiff`,
    file_name: `fax-from-1207600${String(1000 + index)}`,
    from: outgoing ? "+12076001783" : `+1669999${String(1000 + index)}`,
    header: outgoing ? "ACME Corp — Accounts payable" : null,
    id: hex(24),
    is_read: index % 2 === 0,
    is_spam: index % 17 === 0,
    last_update: `2020-03-27 11:${minute}:49`,
    max_retry: outgoing ? 2 : null,
    owner_id: hex(32),
    pages,
    retry_delay: outgoing ? 15 : null,
    scheduled_time: index % 9 === 0 ? `2020-03-28 09:${minute}:00` : null,
    start_time: `2020-03-27 11:${minute}:21`,
    status: FAX_STATUSES[index % FAX_STATUSES.length],
    submit_time: outgoing ? `2020-03-27 11:${minute}:05` : null,
    to: outgoing ? `+1669999${String(1000 + index)}` : "+12076001783",
  };
  if (index % 5 === 0) {
    record.cover_page = {
      name_to: "Jane Doe",
      name_from: "John Smith",
      subject: `Signed contract #${index}`,
      flags: [COVER_FLAGS[index % 4], COVER_FLAGS[(index + 1) % 4]],
      message: "Please sign and return.",
    };
  }
  return record;
}

const PAYLOADS = {
  bulkValid: { ids: Array.from({ length: 20 }, () => hex(32)), is_read: true, comment: "Reviewed by accounting" },
  bulkInvalid: { ids: Array.from({ length: 101 }, () => hex(32)), is_read: true, comment: "x".repeat(101), archived: true },
  faxList: { data: { records: Array.from({ length: 50 }, (_, index) => faxRecord(index)) } },
  faxList20: { data: { records: Array.from({ length: 20 }, (_, index) => faxRecord(index)) } },
};
const TEXT = {
  bulkValid: JSON.stringify(PAYLOADS.bulkValid),
  bulkInvalid: JSON.stringify(PAYLOADS.bulkInvalid),
  faxList: JSON.stringify(PAYLOADS.faxList),
  faxList20: JSON.stringify(PAYLOADS.faxList20),
};

// ---------------------------------------------------------------------------------------
// Contenders
// ---------------------------------------------------------------------------------------

/** The same options everywhere ajv runs here (throughput and cold start). */
const AJV_OPTIONS: AjvOptions = { allErrors: true, strict: false };
const SPEC_KEY = "faxplus";
/** ajv-formats is CommonJS: its function is the module itself or its `default`, depending on the loader. */
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const spec = JSON.parse(readFileSync(SPEC_FILE, "utf8")) as Record<string, unknown>;
const ajv = new Ajv(AJV_OPTIONS);
addFormats(ajv);
ajv.addSchema(spec, SPEC_KEY);
const ajvSchema = (name: string): ValidateFunction => {
  const fn = ajv.getSchema(`${SPEC_KEY}#/components/schemas/${name}`);
  if (!fn) throw new Error(`ajv: no schema ${name}`);
  return fn;
};
const AJV = { BulkFaxUpdateRequest: ajvSchema("BulkFaxUpdateRequest"), FaxList: ajvSchema("FaxList") };
/** ajv as a type guard is used: `allErrors: false`, it stops at the first error (what `is.X` is compared with). */
const ajvFirstError = new Ajv({ ...AJV_OPTIONS, allErrors: false });
addFormats(ajvFirstError);
ajvFirstError.addSchema(spec, SPEC_KEY);
const AJV_FIRST_ERROR = {
  BulkFaxUpdateRequest: ajvFirstError.getSchema(`${SPEC_KEY}#/components/schemas/BulkFaxUpdateRequest`) as ValidateFunction,
  FaxList: ajvFirstError.getSchema(`${SPEC_KEY}#/components/schemas/FaxList`) as ValidateFunction,
};

/** zod 4, by hand: the shapes, limits, enums, nullables and required lists of the spec. */
const zBulkFaxUpdateRequest = z
  .strictObject({
    ids: z.array(z.string().max(32)).min(1).max(100),
    is_read: z.boolean().optional(),
    comment: z.string().max(100).optional(),
  })
  .refine((body) => body.is_read !== undefined || body.comment !== undefined, {
    message: "must have at least one of the properties 'is_read', 'comment'",
  });
const zFaxStatus = z.enum([
  "success",
  "partially_sent",
  "partially_received",
  "insufficient_credit",
  "failed",
  "failed_internal_process_error",
  "failed_user_busy",
  "failed_no_answer",
  "failed_unallocated_number",
  "failed_office_converter_issue",
  "failed_separate_file_pages_issue",
  "failed_render_header_issue",
  "failed_invalid_number_format",
  "failed_mimetype_not_supported",
  "failed_destination_not_supported",
  "failed_image_preparation",
  "failed_to_send",
  "failed_normal_temporary_failure",
  "failed_unknown_converter_issue",
  "failed_normal_clearing",
  "failed_convert_to_tiff_issue",
  "failed_fs_49",
  "failed_fs_2",
]);
// Fax, FaxCostDetails, FaxCoverPage, FaxListData and FaxList do not set
// `additionalProperties: false`, so they are plain (unknown-key tolerant) `z.object`s;
// BulkFaxUpdateRequest does, hence `z.strictObject` above.
const zFaxCostDetails = z.object({ multiplier: z.number().optional(), notification_cost: z.number().optional() });
const zFaxCoverPage = z.object({
  name_to: z.string(),
  name_from: z.string(),
  subject: z.string(),
  flags: z.array(z.enum(["urgent", "for_review", "please_reply", "confidential"])).optional(),
  message: z.string().optional(),
});
const zFax = z.object({
  comment: z.string(),
  cost: z.int().min(0).optional(),
  cost_details: zFaxCostDetails,
  description: z.string().optional(),
  direction: z.enum(["outgoing", "incoming"]).optional(),
  duration: z.int().min(0).optional(),
  file: z.string().optional(),
  file_name: z.string().optional(),
  from: z.string().optional(),
  header: z.string().nullable().optional(),
  id: z.string(),
  is_read: z.boolean().optional(),
  is_spam: z.boolean().optional(),
  last_update: z.string().optional(),
  max_retry: z.int().min(0).max(3).nullable().optional(),
  owner_id: z.string(),
  pages: z.int().min(0),
  retry_delay: z.int().min(0).max(30).nullable().optional(),
  scheduled_time: z.string().nullable().optional(),
  start_time: z.string().optional(),
  status: zFaxStatus,
  submit_time: z.string().nullable().optional(),
  to: z.string().optional(),
  cover_page: zFaxCoverPage.optional(),
});
const zFaxList = z.object({ data: z.object({ records: z.array(zFax).optional() }).optional() });

/** What every contender must say about each payload, checked once before timing anything. */
function checkContenders(): void {
  const expectations = [
    {
      payload: PAYLOADS.bulkValid,
      ours: validate.BulkFaxUpdateRequest,
      ajv: AJV.BulkFaxUpdateRequest,
      zod: zBulkFaxUpdateRequest,
      issues: 0,
    },
    {
      payload: PAYLOADS.bulkInvalid,
      ours: validate.BulkFaxUpdateRequest,
      ajv: AJV.BulkFaxUpdateRequest,
      zod: zBulkFaxUpdateRequest,
      issues: 3,
    },
    { payload: PAYLOADS.faxList, ours: validate.FaxList, ajv: AJV.FaxList, zod: zFaxList, issues: 0 },
  ];
  for (const { payload, ours, ajv: ajvFn, zod, issues } of expectations) {
    const mine = ours(payload);
    const mineCount = mine.ok ? 0 : mine.issues.length;
    const ajvOk = ajvFn(payload) as boolean;
    const ajvCount = ajvOk ? 0 : (ajvFn.errors?.length ?? 0);
    const parsed = zod.safeParse(payload);
    const zodCount = parsed.success ? 0 : parsed.error.issues.length;
    if (mineCount !== issues || ajvCount !== issues || zodCount !== issues) {
      throw new Error(
        `contenders disagree (expected ${issues} issues): faxkit ${mineCount} ${JSON.stringify(mine)}, ajv ${ajvCount} ${JSON.stringify(ajvFn.errors)}, zod ${zodCount} ${parsed.success ? "" : JSON.stringify(parsed.error.issues)}`,
      );
    }
  }
}
// At collection time: a broken contender fails the file before anything is timed.
checkContenders();
// Every one of the 50 records is a valid Fax on its own, too.
for (const [index, record] of PAYLOADS.faxList.data.records.entries()) {
  const result = validate.Fax(record);
  if (!result.ok) throw new Error(`record ${index} is not a valid Fax: ${JSON.stringify(result.issues)}`);
}

// ---------------------------------------------------------------------------------------
// Throughput tasks
// ---------------------------------------------------------------------------------------

type ValidateNamespace = typeof validate;

/** Scratch folder of this run (transpiled source, cold-start scripts, generate() outputs). */
const tempRoot = mkdtempSync(join(tmpdir(), "faxkit-validator-bench-"));

/**
 * ../src transpiled module by module (esbuild, no bundling) into a `node_modules` folder:
 * vitest leaves such files to Node, which loads them as the ES modules they are. Under
 * vitest's own module runner every cross-module call of the generated code (Fax.ts →
 * FaxCostDetails.ts, every runtime helper) becomes a property read on a module object,
 * which no user pays; the headline numbers therefore use this copy.
 */
const NATIVE_SRC = join(tempRoot, "node_modules", "faxkit-validator-src");
{
  const srcDir = join(PACKAGE_ROOT, "src");
  const entryPoints = readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(srcDir, file));
  await esbuild({
    entryPoints,
    outdir: NATIVE_SRC,
    outbase: srcDir,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    logLevel: "silent",
  });
  writeFileSync(join(NATIVE_SRC, "package.json"), '{ "type": "module", "sideEffects": false }\n');
  // Its own dependencies resolve from the scratch folder's node_modules: link them there.
  mkdirSync(join(tempRoot, "node_modules", "@faxkit"), { recursive: true });
  symlinkSync(
    realpathSync(join(PACKAGE_ROOT, "node_modules", "@faxkit", "types")),
    join(tempRoot, "node_modules", "@faxkit", "types"),
    "dir",
  );
}
const nativeModule = (await import(/* @vite-ignore */ pathToFileURL(join(NATIVE_SRC, "index.js")).href)) as {
  validate: ValidateNamespace;
  is: typeof import("../src/index.js").is;
};
const nativeSrc = nativeModule.validate;
const nativeIs = nativeModule.is;
/** The CommonJS build (entries plus shared chunks), through Node's own `require`; absent when not built. */
const nativeCjs = existsSync(DIST_CJS) ? (require(DIST_CJS) as { validate: ValidateNamespace }).validate : undefined;

const CONTENDERS = ["faxkit", "faxkit under vitest's module runner", "faxkit dist/cjs", "ajv", "zod", "JSON.parse"] as const;
type Contender = (typeof CONTENDERS)[number];
const SCENARIOS = [
  {
    title: "BulkFaxUpdateRequest valid",
    key: "bulkValid",
    schema: "BulkFaxUpdateRequest",
    ajv: AJV.BulkFaxUpdateRequest,
    zod: zBulkFaxUpdateRequest,
  },
  {
    title: "BulkFaxUpdateRequest invalid",
    key: "bulkInvalid",
    schema: "BulkFaxUpdateRequest",
    ajv: AJV.BulkFaxUpdateRequest,
    zod: zBulkFaxUpdateRequest,
  },
  { title: "FaxList 50 records", key: "faxList", schema: "FaxList", ajv: AJV.FaxList, zod: zFaxList },
  { title: "FaxList 20 records", key: "faxList20", schema: "FaxList", ajv: AJV.FaxList, zod: zFaxList },
] as const;
/** Per scenario: how many times faxkit must be as fast as ajv (the issue's targets). */
const AJV_TARGET: Record<string, number> = { "FaxList 20 records": 1.5 };
const taskName = (title: string, contender: Contender) => `${title} — ${contender}`;

/** Results must be used, or V8 could drop the work. */
let sink = 0;

/** The function each contender runs for a scenario (undefined: not available in this checkout). */
function taskOf(scenario: (typeof SCENARIOS)[number], contender: Contender): (() => void) | undefined {
  const payload = PAYLOADS[scenario.key];
  const text = TEXT[scenario.key];
  const faxkit = (fn: ValidateNamespace[typeof scenario.schema] | undefined) =>
    fn &&
    (() => {
      const result = fn(payload);
      sink += result.ok ? 1 : result.issues.length;
    });
  switch (contender) {
    case "faxkit":
      return faxkit(nativeSrc[scenario.schema]);
    case "faxkit under vitest's module runner":
      return faxkit(validate[scenario.schema]);
    case "faxkit dist/cjs":
      return faxkit(nativeCjs?.[scenario.schema]);
    case "ajv":
      return () => {
        sink += scenario.ajv(payload) ? 1 : (scenario.ajv.errors?.length ?? 0);
      };
    case "zod":
      return () => {
        const result = scenario.zod.safeParse(payload);
        sink += result.success ? 1 : result.error.issues.length;
      };
    case "JSON.parse":
      return () => {
        sink += (JSON.parse(text) as object) === null ? 0 : 1;
      };
  }
}

for (const scenario of SCENARIOS) {
  // The three builds of faxkit must agree with each other (a stale dist/ would not).
  const payload = PAYLOADS[scenario.key];
  const count = (fn: ValidateNamespace[typeof scenario.schema]) => {
    const result = fn(payload);
    return result.ok ? 0 : result.issues.length;
  };
  const expected = count(validate[scenario.schema]);
  if (count(nativeSrc[scenario.schema]) !== expected) throw new Error(`the transpiled source disagrees with src on ${scenario.title}`);
  if (nativeCjs && count(nativeCjs[scenario.schema]) !== expected)
    throw new Error(`dist/cjs disagrees with src on ${scenario.title}: rebuild the package (pnpm build)`);

  describe(`${scenario.title} (${TEXT[scenario.key].length} bytes of JSON)`, () => {
    for (const contender of CONTENDERS) {
      const task = taskOf(scenario, contender);
      if (task) bench(taskName(scenario.title, contender), task, MICRO);
    }
  });
}

// ---------------------------------------------------------------------------------------
// Type guards: is.X against ajv with allErrors: false (both stop at the first failure)
// ---------------------------------------------------------------------------------------

const GUARD_SCENARIOS = [
  { title: "is.BulkFaxUpdateRequest invalid", key: "bulkInvalid", schema: "BulkFaxUpdateRequest", expected: false },
  { title: "is.BulkFaxUpdateRequest valid", key: "bulkValid", schema: "BulkFaxUpdateRequest", expected: true },
  { title: "is.FaxList 20 records", key: "faxList20", schema: "FaxList", expected: true },
] as const;
const GUARD_CONTENDERS = ["faxkit is", "ajv allErrors:false", "zod safeParse().success"] as const;
type GuardContender = (typeof GUARD_CONTENDERS)[number];

function guardTask(scenario: (typeof GUARD_SCENARIOS)[number], contender: GuardContender): () => void {
  const payload = PAYLOADS[scenario.key];
  const zod = scenario.schema === "FaxList" ? zFaxList : zBulkFaxUpdateRequest;
  const ajvFn = AJV_FIRST_ERROR[scenario.schema];
  const guard = nativeIs[scenario.schema] as (value: unknown) => boolean;
  switch (contender) {
    case "faxkit is":
      return () => {
        sink += guard(payload) ? 1 : 2;
      };
    case "ajv allErrors:false":
      return () => {
        sink += ajvFn(payload) ? 1 : 2;
      };
    case "zod safeParse().success":
      return () => {
        sink += zod.safeParse(payload).success ? 1 : 2;
      };
  }
}

for (const scenario of GUARD_SCENARIOS) {
  const payload = PAYLOADS[scenario.key];
  const zod = scenario.schema === "FaxList" ? zFaxList : zBulkFaxUpdateRequest;
  const verdicts = [
    (nativeIs[scenario.schema] as (v: unknown) => boolean)(payload),
    AJV_FIRST_ERROR[scenario.schema](payload),
    zod.safeParse(payload).success,
  ];
  if (verdicts.some((v) => v !== scenario.expected)) throw new Error(`guards disagree on ${scenario.title}: ${JSON.stringify(verdicts)}`);
  describe(scenario.title, () => {
    for (const contender of GUARD_CONTENDERS)
      bench(taskName(scenario.title, contender as Contender), guardTask(scenario, contender), MICRO);
  });
}

// ---------------------------------------------------------------------------------------
// Validator generation
// ---------------------------------------------------------------------------------------

interface ValidatorModule {
  path: string;
  content: string;
}
type EmitValidatorModules = (
  document: Record<string, unknown>,
  provenance: { spec: string; overlays: readonly string[]; title: string; version: string },
  targets: { runtime: string; types: string },
) => ValidatorModule[];
/** Not part of @faxkit/codegen's public API: loaded from its source (vitest transpiles it). */
const codegenSource = (path: string) => pathToFileURL(join(CODEGEN_ROOT, "src", path)).href;
const { emitValidatorModules } = (await import(/* @vite-ignore */ codegenSource("validators/emit-validators.ts"))) as {
  emitValidatorModules: EmitValidatorModules;
};
const { generate, resolveConfig } = (await import(/* @vite-ignore */ codegenSource("index.ts"))) as typeof import("@faxkit/codegen");

const TARGETS_OF_MODULES = { runtime: "../internal/runtime.js", types: "@faxkit/types" };
const provenanceOf = (document: Record<string, unknown>, file: string) => {
  const info = document.info as { title: string; version: string };
  return { spec: relative(REPO_ROOT, file), overlays: [], title: info.title, version: info.version };
};

interface GenerationStats {
  modules: number;
  bytes: number;
  byFolder: Map<string, { modules: number; bytes: number }>;
  largest: { path: string; bytes: number };
}
function statsOf(modules: ValidatorModule[]): GenerationStats {
  const byFolder = new Map<string, { modules: number; bytes: number }>();
  let bytes = 0;
  let largest = { path: "", bytes: 0 };
  for (const module of modules) {
    const size = Buffer.byteLength(module.content, "utf8");
    bytes += size;
    if (size > largest.bytes) largest = { path: module.path, bytes: size };
    const folder = module.path.includes("/") ? `${module.path.split("/")[0]}/` : "index modules";
    const entry = byFolder.get(folder) ?? { modules: 0, bytes: 0 };
    entry.modules++;
    entry.bytes += size;
    byFolder.set(folder, entry);
  }
  return { modules: modules.length, bytes, byFolder, largest };
}

const GENERATION_NAMES = {
  faxplus: "Fax.Plus: emitValidatorModules(resolved spec)",
  faxplusGenerate: "Fax.Plus: generate() with outputs.validators (types + validators, temp folder)",
  github: "GitHub api.github.com.json: emitValidatorModules",
} as const;
const generation: {
  faxplus?: GenerationStats;
  github?: GenerationStats;
  githubError?: string;
  githubParseMs?: number;
  githubSpecBytes?: number;
} = {};
let githubDocument: Record<string, unknown> | undefined;

function emitFaxplus(): ValidatorModule[] {
  return emitValidatorModules(spec, provenanceOf(spec, SPEC_FILE), TARGETS_OF_MODULES);
}
function emitGithub(): ValidatorModule[] {
  if (!githubDocument) {
    const started = performance.now();
    const text = readFileSync(GITHUB_SPEC, "utf8");
    githubDocument = JSON.parse(text) as Record<string, unknown>;
    generation.githubParseMs = performance.now() - started;
    generation.githubSpecBytes = Buffer.byteLength(text, "utf8");
  }
  return emitValidatorModules(githubDocument, provenanceOf(githubDocument, GITHUB_SPEC), TARGETS_OF_MODULES);
}

/** Where a compile error happened, from the compiler's own message (it names the schema path). */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const frame = error instanceof Error ? (error.stack?.split("\n").find((line) => line.includes("schema-compiler")) ?? "") : "";
  return `${message}${frame ? ` (${frame.trim()})` : ""}`;
}

let generateRuns = 0;

describe("Validator generation", () => {
  bench(
    GENERATION_NAMES.faxplus,
    () => {
      sink += emitFaxplus().length;
    },
    { time: 500, warmupIterations: 2 },
  );

  bench(
    GENERATION_NAMES.faxplusGenerate,
    async () => {
      const real = JSON.parse(readFileSync(join(REPO_ROOT, "faxkit.config.json"), "utf8")) as Record<string, unknown> & {
        spec: string;
        overlays?: string[];
        validators?: Record<string, string>;
      };
      const root = join(tempRoot, `generate-${++generateRuns}`);
      const config = await resolveConfig(
        {
          spec: join(REPO_ROOT, real.spec),
          overlays: (real.overlays ?? []).map((entry) => join(REPO_ROOT, entry)),
          outputs: { types: "types", validators: "validators" },
          validators: real.validators,
        },
        join(root, "faxkit.config.json"),
      );
      sink += (await generate({ config })).written.length;
    },
    { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 },
  );

  bench(
    GENERATION_NAMES.github,
    () => {
      if (generation.githubError !== undefined) return;
      sink += emitGithub().length;
    },
    { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 },
  );
});

// ---------------------------------------------------------------------------------------
// Cold start (fresh processes)
// ---------------------------------------------------------------------------------------

interface ColdSample {
  /** Segment name → milliseconds. */
  [segment: string]: number;
}
interface ColdResult {
  label: string;
  median: ColdSample;
  total: number;
}

/** One ES module per schema: dist/ as tsc emits it, or the transpiled source when dist/ is missing. */
function moduleTree(): { dir: string; origin: string } {
  if (existsSync(join(DIST, "generated", "schemas", "FaxList.js")) && existsSync(join(DIST, "internal", "runtime.js"))) {
    const srcDir = join(PACKAGE_ROOT, "src");
    const newestSource = Math.max(
      ...readdirSync(srcDir, { recursive: true, encoding: "utf8" }).map((file) => statSync(join(srcDir, file)).mtimeMs),
    );
    const stale = newestSource > statSync(join(DIST, "internal", "runtime.js")).mtimeMs;
    return { dir: DIST, origin: stale ? "dist/, which is OLDER than src/ (run pnpm build)" : "dist/" };
  }
  return { dir: NATIVE_SRC, origin: "src/ transpiled module by module (dist/ is not built)" };
}

/** One schema module and the runtime bundled into a single file, as an app bundler ships it. */
async function bundleSchema(tree: string, name: string): Promise<string> {
  const entry = join(tempRoot, `entry-${name}.mjs`);
  const outfile = join(tempRoot, `bundle-${name}.mjs`);
  writeFileSync(
    entry,
    `export { check } from ${JSON.stringify(join(tree, "generated", "schemas", `${name}.js`))};\n` +
      `export { makeValidate } from ${JSON.stringify(join(tree, "internal", "runtime.js"))};\n`,
  );
  await esbuild({ entryPoints: [entry], outfile, bundle: true, format: "esm", platform: "neutral", logLevel: "silent" });
  return outfile;
}

const CHILD_PRELUDE = `
import { readFileSync } from "node:fs";
const [payloadFile, name, ...modules] = process.argv.slice(2);
const payload = JSON.parse(readFileSync(payloadFile, "utf8"));
const ms = (a, b) => Number(b - a) / 1e6;
const now = () => process.hrtime.bigint();
`;

/** Child scripts: each prints one JSON object of segment timings (ms). */
const CHILD_SCRIPTS = {
  // argv: payload, schema name, URL of the schema module, URL of the runtime module (may be the same file)
  "faxkit-module.mjs": `${CHILD_PRELUDE}
const t0 = now();
const schema = await import(modules[0]);
const runtime = await import(modules[1]);
const t1 = now();
const result = runtime.makeValidate(schema.check, name)(payload);
const t2 = now();
if (!result.ok) throw new Error(JSON.stringify(result.issues));
console.log(JSON.stringify({ import: ms(t0, t1), "first validation": ms(t1, t2) }));
`,
  // argv: payload (unused), schema name, URL of the schema module, URL of the runtime: any schema, first validation of null
  "faxkit-any.mjs": `${CHILD_PRELUDE}
const t0 = now();
const schema = await import(modules[0]);
const runtime = await import(modules[1]);
const t1 = now();
runtime.makeValidate(schema.check, name)(null);
const t2 = now();
console.log(JSON.stringify({ import: ms(t0, t1), "first validation": ms(t1, t2) }));
`,
  // argv: payload, schema name, URL of the package entry
  "faxkit-package.mjs": `${CHILD_PRELUDE}
const t0 = now();
const { validate } = await import(modules[0]);
const t1 = now();
const result = validate[name](payload);
const t2 = now();
if (!result.ok) throw new Error(JSON.stringify(result.issues));
console.log(JSON.stringify({ import: ms(t0, t1), "first validation": ms(t1, t2) }));
`,
  // argv: payload, schema name, path of the CommonJS package entry
  "faxkit-package-cjs.mjs": `${CHILD_PRELUDE}
import { createRequire } from "node:module";
const load = createRequire(import.meta.url);
const t0 = now();
const { validate } = load(modules[0]);
const t1 = now();
const result = validate[name](payload);
const t2 = now();
if (!result.ok) throw new Error(JSON.stringify(result.issues));
console.log(JSON.stringify({ require: ms(t0, t1), "first validation": ms(t1, t2) }));
`,
  // argv: payload, schema name, URL of ajv, URL of ajv-formats, path of the resolved spec
  "ajv.mjs": `${CHILD_PRELUDE}
const t0 = now();
const ajvModule = await import(modules[0]);
const formatsModule = await import(modules[1]);
const t1 = now();
const spec = JSON.parse(readFileSync(modules[2], "utf8"));
const t2 = now();
const Ajv = ajvModule.Ajv ?? ajvModule.default.Ajv ?? ajvModule.default;
const addFormats = formatsModule.default.default ?? formatsModule.default;
const ajv = new Ajv(${JSON.stringify(AJV_OPTIONS)});
addFormats(ajv);
ajv.addSchema(spec, ${JSON.stringify(SPEC_KEY)});
const check = ajv.getSchema(${JSON.stringify(`${SPEC_KEY}#/components/schemas/`)} + name);
const t3 = now();
const ok = check(payload);
const t4 = now();
if (!ok) throw new Error(JSON.stringify(check.errors));
console.log(JSON.stringify({ import: ms(t0, t1), "read spec": ms(t1, t2), "new Ajv+addFormats+addSchema+compile": ms(t2, t3), "first validation": ms(t3, t4) }));
`,
} as const;

function coldStart(script: keyof typeof CHILD_SCRIPTS, args: string[], label: string, runs = COLD_RUNS): ColdResult {
  const samples: ColdSample[] = [];
  for (let run = 0; run < runs; run++) {
    const child = spawnSync(process.execPath, [join(tempRoot, script), ...args], { encoding: "utf8", timeout: 30_000 });
    if (child.status !== 0) throw new Error(`${label}: child exited with ${child.status}\n${child.stderr}`);
    samples.push(JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as ColdSample);
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const segments = Object.keys(samples[0] ?? {});
  const result: ColdSample = {};
  for (const segment of segments) result[segment] = median(samples.map((s) => s[segment] ?? Number.NaN));
  const total = median(samples.map((s) => Object.values(s).reduce((a, b) => a + b, 0)));
  return { label, median: result, total };
}

const cold: ColdResult[] = [];
let coldError = "";
let coldOrigin = "";

/** The slowest schema module to import and validate once, over every schema (unbundled and bundled). */
const sweep: { unbundled?: ColdResult; bundled?: ColdResult; modules: number } = { modules: 0 };

async function sweepSchemaModules(tree: string, payloadFile: string): Promise<void> {
  const url = (path: string) => pathToFileURL(path).href;
  const names = readdirSync(join(tree, "generated", "schemas"))
    .filter((file) => file.endsWith(".js"))
    .map((file) => file.slice(0, -3));
  sweep.modules = names.length;
  const slower = (a: ColdResult | undefined, b: ColdResult) => (a === undefined || b.total > a.total ? b : a);
  for (const name of names) {
    const schemaModule = url(join(tree, "generated", "schemas", `${name}.js`));
    const runtimeModule = url(join(tree, "internal", "runtime.js"));
    const args = [payloadFile, name];
    sweep.unbundled = slower(sweep.unbundled, coldStart("faxkit-any.mjs", [...args, schemaModule, runtimeModule], name, SWEEP_RUNS));
    const bundle = url(await bundleSchema(tree, name));
    sweep.bundled = slower(sweep.bundled, coldStart("faxkit-any.mjs", [...args, bundle, bundle], name, SWEEP_RUNS));
  }
}

/** Bytes of a one-validator app bundle (esbuild, minified, gzip), through the root import and the subpath. */
const bundleSizes: { label: string; minified: number; gzip: number }[] = [];

async function measureBundles(): Promise<void> {
  const entries = {
    'import { validate } from "@faxkit/validator"; validate.BulkFaxUpdateRequest(x)':
      'import { validate } from "@faxkit/validator"; console.log(validate.BulkFaxUpdateRequest(globalThis.x));',
    'import { validateBulkFaxUpdateRequest } from "@faxkit/validator"':
      'import { validateBulkFaxUpdateRequest } from "@faxkit/validator"; console.log(validateBulkFaxUpdateRequest(globalThis.x));',
    'import { BulkFaxUpdateRequest } from "@faxkit/validator/validate"':
      'import { BulkFaxUpdateRequest } from "@faxkit/validator/validate"; console.log(BulkFaxUpdateRequest(globalThis.x));',
    'import { is } from "@faxkit/validator"; is.FaxList(x)':
      'import { is } from "@faxkit/validator"; console.log(is.FaxList(globalThis.x));',
  };
  for (const [label, contents] of Object.entries(entries)) {
    const result = await esbuild({
      stdin: { contents, resolveDir: PACKAGE_ROOT, loader: "ts" },
      bundle: true,
      minify: true,
      write: false,
      format: "esm",
      platform: "neutral",
      logLevel: "silent",
    });
    const bytes = (result.outputFiles[0] as { contents: Uint8Array }).contents;
    bundleSizes.push({ label, minified: bytes.length, gzip: gzipSync(bytes).length });
  }
}

async function measureColdStart(): Promise<void> {
  const url = (path: string) => pathToFileURL(path).href;
  const tree = moduleTree();
  coldOrigin = tree.origin;
  for (const [file, text] of Object.entries(CHILD_SCRIPTS)) writeFileSync(join(tempRoot, file), text);
  const payloads: [name: string, title: string, payload: unknown][] = [
    ["FaxList", "FaxList (50 records)", PAYLOADS.faxList],
    ["BulkFaxUpdateRequest", "BulkFaxUpdateRequest (valid)", PAYLOADS.bulkValid],
  ];
  for (const [name, title, payload] of payloads) {
    const payloadFile = join(tempRoot, `${name}.json`);
    writeFileSync(payloadFile, JSON.stringify(payload));
    const schemaModule = url(join(tree.dir, "generated", "schemas", `${name}.js`));
    const runtimeModule = url(join(tree.dir, "internal", "runtime.js"));
    cold.push(
      coldStart(
        "faxkit-module.mjs",
        [payloadFile, name, schemaModule, runtimeModule],
        `${title}: faxkit, one schema module + its imports, unbundled ESM`,
      ),
    );
    const bundle = url(await bundleSchema(tree.dir, name));
    cold.push(
      coldStart("faxkit-module.mjs", [payloadFile, name, bundle, bundle], `${title}: faxkit, the same bundled into one file (esbuild)`),
    );
    if (existsSync(DIST_INDEX)) {
      cold.push(
        coldStart(
          "faxkit-package.mjs",
          [payloadFile, name, url(DIST_INDEX)],
          `${title}: faxkit, whole package as ESM (dist/index.js, unbundled)`,
        ),
      );
    }
    if (existsSync(DIST_CJS)) {
      cold.push(
        coldStart(
          "faxkit-package-cjs.mjs",
          [payloadFile, name, DIST_CJS],
          `${title}: faxkit, whole package as CommonJS (dist/cjs/index.cjs and its shared chunks)`,
        ),
      );
    }
    if (name === "FaxList") await sweepSchemaModules(tree.dir, payloadFile);
    cold.push(
      coldStart(
        "ajv.mjs",
        [payloadFile, name, url(require.resolve("ajv")), url(require.resolve("ajv-formats")), SPEC_FILE],
        `${title}: ajv`,
      ),
    );
  }
}

beforeAll(async () => {
  // Generation: once up front for sizes (and to learn whether the GitHub spec compiles at all).
  generation.faxplus = statsOf(emitFaxplus());
  try {
    generation.github = statsOf(emitGithub());
  } catch (error) {
    generation.githubError = describeFailure(error);
  }
  await measureBundles();
  // Cold start, before the throughput tasks run.
  try {
    await measureColdStart();
  } catch (error) {
    coldError = error instanceof Error ? error.message : String(error);
  }
}, 180_000);

// ---------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------

/** Mean time (ms) per task, from vitest's results, by task name. */
function collectMeans(suite: unknown): Map<string, number> {
  const means = new Map<string, number>();
  type Node = { name?: string; tasks?: Node[]; result?: { benchmark?: { mean?: number } } };
  const visit = (node: Node) => {
    const mean = node.result?.benchmark?.mean;
    if (node.name && node.tasks === undefined && typeof mean === "number" && Number.isFinite(mean)) means.set(node.name, mean);
    for (const child of node.tasks ?? []) visit(child);
  };
  visit(suite as Node);
  return means;
}

/** Fallback if vitest hands over no results: time the task ourselves for ~300 ms. */
function ownMean(fn: () => void): number {
  for (let k = 0; k < 200; k++) fn();
  let iterations = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < 300) {
    for (let k = 0; k < 50; k++) fn();
    iterations += 50;
    elapsed = performance.now() - started;
  }
  return elapsed / iterations;
}

const formatRatio = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
const kb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);
const msText = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

// vitest 4 hands hooks the suite as the 2nd argument; the 1st must be a destructuring pattern (fixtures).
// biome-ignore lint/correctness/noEmptyPattern: no fixtures are used, only the suite with its benchmark results
afterAll(async ({}, suite) => {
  const means = collectMeans(suite);
  const lines: string[] = ["", "=== @faxkit/validator benchmark summary ==="];
  lines.push(
    "Throughput: ratio = the other's time per op / faxkit's, >1x means faxkit is faster; faxkit = validate.X of ../src loaded by Node" +
      " as ES modules (the same code under vitest's module runner and as dist/cjs on the second line):",
  );
  for (const scenario of SCENARIOS) {
    const time = (contender: Contender): number => {
      const fromVitest = means.get(taskName(scenario.title, contender));
      if (fromVitest !== undefined) return fromVitest;
      const task = taskOf(scenario, contender);
      return task ? ownMean(task) : Number.NaN;
    };
    const t = {
      faxkit: time("faxkit"),
      vitest: time("faxkit under vitest's module runner"),
      cjs: time("faxkit dist/cjs"),
      ajv: time("ajv"),
      zod: time("zod"),
      parse: time("JSON.parse"),
    };
    const ratios = (ours: number) =>
      `faxkit/ajv ${formatRatio(t.ajv / ours)}x, faxkit/zod ${formatRatio(t.zod / ours)}x, faxkit/JSON.parse ${formatRatio(t.parse / ours)}x`;
    const ns = (value: number) => (Number.isNaN(value) ? "n/a" : `${(value * 1e6).toFixed(0)} ns`);
    lines.push(
      `${scenario.title}: ${ratios(t.faxkit)}` +
        ` (targets: >=${AJV_TARGET[scenario.title] ?? TARGETS.ajv}x ajv ${verdict(t.ajv / t.faxkit >= (AJV_TARGET[scenario.title] ?? TARGETS.ajv))}, >=${TARGETS.zod}x zod ${verdict(t.zod / t.faxkit >= TARGETS.zod)},` +
        ` >=${TARGETS.jsonParse}x JSON.parse ${verdict(t.parse / t.faxkit >= TARGETS.jsonParse)})`,
    );
    lines.push(
      `    under vitest's module runner: ${ratios(t.vitest)}; dist/cjs: ${Number.isNaN(t.cjs) ? "not built" : ratios(t.cjs)}` +
        ` [per op: faxkit ${ns(t.faxkit)}, under vitest ${ns(t.vitest)}, dist/cjs ${ns(t.cjs)}, ajv ${ns(t.ajv)}, zod ${ns(t.zod)}, JSON.parse ${ns(t.parse)}]`,
    );
  }

  lines.push("Type guards (is.X vs ajv with allErrors: false, both stop at the first failure; target >= 1x ajv, >= 10x zod):");
  for (const scenario of GUARD_SCENARIOS) {
    const time = (contender: GuardContender) =>
      means.get(taskName(scenario.title, contender as Contender)) ?? ownMean(guardTask(scenario, contender));
    const ours = time("faxkit is");
    const versusAjv = time("ajv allErrors:false") / ours;
    const versusZod = time("zod safeParse().success") / ours;
    lines.push(
      `  ${scenario.title}: faxkit/ajv ${formatRatio(versusAjv)}x (${verdict(versusAjv >= TARGETS.ajv)}), faxkit/zod ${formatRatio(versusZod)}x (${verdict(versusZod >= TARGETS.zod)}) [per op: faxkit ${(ours * 1e6).toFixed(0)} ns]`,
    );
  }

  lines.push(
    `Cold start (fresh node process, median of ${COLD_RUNS}; modules from ${coldOrigin || "n/a"}; target <= ${TARGETS.coldStartMs} ms for faxkit):`,
  );
  if (coldError) lines.push(`  cold start could not be measured: ${coldError}`);
  for (const result of cold) {
    const parts = Object.entries(result.median).map(([segment, value]) => `${segment} ${msText(value)}`);
    const target = result.label.includes("faxkit")
      ? ` (target <= ${TARGETS.coldStartMs} ms ${verdict(result.total <= TARGETS.coldStartMs)})`
      : "";
    lines.push(`  ${result.label}: ${msText(result.total)} = ${parts.join(" + ")}${target}`);
  }

  const sweepLine = (kind: string, result: ColdResult | undefined) =>
    result
      ? `  slowest of ${sweep.modules} schema modules, ${kind}: ${result.label} ${msText(result.total)} (import + first validation; target <= ${TARGETS.coldStartMs} ms ${verdict(result.total <= TARGETS.coldStartMs)})`
      : `  ${kind}: not measured`;
  lines.push(sweepLine("unbundled ESM", sweep.unbundled), sweepLine("bundled into one file (esbuild)", sweep.bundled));
  lines.push("One-validator bundles (esbuild, minified; target <= 2 kB gzip for BulkFaxUpdateRequest):");
  for (const size of bundleSizes) lines.push(`  ${size.label}: ${kb(size.minified)} minified, ${kb(size.gzip)} gzip`);

  lines.push("Validator generation:");
  const genMean = (name: string) => means.get(name);
  const describeStats = (stats: GenerationStats) =>
    `${stats.modules} modules, ${kb(stats.bytes)} of code (${[...stats.byFolder].map(([folder, entry]) => `${folder} ${entry.modules} / ${kb(entry.bytes)}`).join(", ")}; largest ${stats.largest.path} ${kb(stats.largest.bytes)})`;
  if (generation.faxplus) {
    const mean = genMean(GENERATION_NAMES.faxplus);
    lines.push(`  Fax.Plus: emitValidatorModules ${mean === undefined ? "n/a" : msText(mean)}; ${describeStats(generation.faxplus)}`);
  }
  const generateMean = genMean(GENERATION_NAMES.faxplusGenerate);
  if (generateMean !== undefined)
    lines.push(`  Fax.Plus: whole generate() with validators (types + validators written) ${msText(generateMean)}`);
  if (generation.githubError !== undefined) {
    lines.push(`  GitHub: the compiler THROWS: ${generation.githubError}`);
  } else if (generation.github) {
    const mean = genMean(GENERATION_NAMES.github);
    lines.push(
      `  GitHub (${kb(generation.githubSpecBytes ?? 0)} spec, JSON.parse ${msText(generation.githubParseMs ?? 0)} not included): emitValidatorModules ${mean === undefined ? "n/a" : msText(mean)}; ${describeStats(generation.github)}`,
    );
  }
  lines.push(`(sink ${sink > 0 ? "ok" : "empty"})`);
  console.log(lines.join("\n"));
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
}, 60_000);
