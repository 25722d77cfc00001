/**
 * `vitest bench --run` (from packages/codegen, or `pnpm bench`).
 *
 * 1. GitHub's REST description (`@octokit/openapi`, ~13 MB JSON, ~1,200 operations): our
 *    full `generate()` (all five outputs) against openapi-typescript alone doing what its
 *    CLI does for `openapi-typescript api.github.com.json -o schema.ts` (file URL →
 *    `openapiTS` → `COMMENT_HEADER + astToString` → write), and against openapi-typescript
 *    on the already parsed object (the core our pipeline wraps). Target: ours ≤ 1.5× the CLI.
 * 2. Fax.Plus: `generate()` with the project's real config, outputs redirected to a temp
 *    root. Target: < 1000 ms.
 *
 * Every iteration writes into a fresh folder: `generate()` skips files whose content is
 * already right, so reusing a folder would time a no-op write after the first run. One
 * GitHub iteration takes several seconds, hence the fixed, small iteration counts.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { OPENAPI_TS_OPTIONS } from "../src/emit/schema-types.js";
import { type CodegenConfigFile, generate, resolveConfig } from "../src/index.js";

const require = createRequire(import.meta.url);
const GITHUB_SPEC = join(dirname(require.resolve("@octokit/openapi/package.json")), "generated", "api.github.com.json");
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const FAXPLUS_CONFIG = join(REPO_ROOT, "faxkit.config.json");

const GITHUB_RATIO_TARGET = 1.5;
const FAXPLUS_TARGET_MS = 1000;

/** tinybench runs `max(time, iterations)`: with `time: 0` exactly `iterations` timed runs. */
const GITHUB_OPTIONS = { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0, throws: true };
const FAXPLUS_OPTIONS = { iterations: 10, time: 0, warmupIterations: 2, warmupTime: 0, throws: true };

const NAMES = {
  ours: "@faxkit/codegen generate() (schema, aliases, operations, spec-info, resolved spec)",
  cli: "openapi-typescript alone, as its CLI does (file URL → astToString → file)",
  parsed: "openapi-typescript alone on the parsed object (JSON.parse → astToString → file)",
  faxplus: "@faxkit/codegen generate() on faxkit.config.json (Fax.Plus + overlays)",
} as const;

/** Our own per-call timings (warm-up included), used if vitest does not expose task results. */
const ownSamples = new Map<string, number[]>();
async function timed(name: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  const list = ownSamples.get(name) ?? [];
  list.push(performance.now() - started);
  ownSamples.set(name, list);
}

let tempRoot = "";
let runs = 0;
/** A fresh, empty folder inside the temp root for one iteration. */
const freshFolder = (label: string) => join(tempRoot, `${label}-${++runs}`);

// In benchmark mode vitest only runs the hooks of the file, not of nested `describe`s.
beforeAll(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), "faxkit-codegen-bench-"));
});

// vitest 4 hands hooks the suite as the 2nd argument; the 1st must be a destructuring pattern (fixtures).
// biome-ignore lint/correctness/noEmptyPattern: no fixtures are used, only the suite with its benchmark results
afterAll(async ({}, suite) => {
  const means = collectMeans(suite);
  const mean = (name: string): number | undefined => {
    const fromVitest = means.get(name);
    if (fromVitest !== undefined) return fromVitest;
    const own = ownSamples.get(name);
    const options = name === NAMES.faxplus ? FAXPLUS_OPTIONS : GITHUB_OPTIONS;
    const timedRuns = own?.slice(options.warmupIterations) ?? [];
    return timedRuns.length > 0 ? timedRuns.reduce((a, b) => a + b, 0) / timedRuns.length : undefined;
  };
  const ours = mean(NAMES.ours);
  const cli = mean(NAMES.cli);
  const parsed = mean(NAMES.parsed);
  const faxplus = mean(NAMES.faxplus);
  const ms = (value: number) => `${Math.round(value)} ms`;
  const lines: string[] = [""];
  if (ours !== undefined && cli !== undefined) {
    lines.push(
      `codegen/openapi-typescript time ratio on GitHub spec: ${(ours / cli).toFixed(2)}x (target <= ${GITHUB_RATIO_TARGET}x)` +
        ` [generate() ${ms(ours)} vs openapi-typescript CLI-equivalent ${ms(cli)}, mean of ${GITHUB_OPTIONS.iterations}]`,
    );
  }
  if (ours !== undefined && parsed !== undefined) {
    lines.push(
      `codegen/openapi-typescript time ratio on GitHub spec, parsed-object baseline: ${(ours / parsed).toFixed(2)}x` +
        ` [generate() ${ms(ours)} vs openapiTS(object) ${ms(parsed)}]`,
    );
  }
  if (faxplus !== undefined) {
    lines.push(`Fax.Plus generate() mean time: ${faxplus.toFixed(1)} ms (target < ${FAXPLUS_TARGET_MS} ms)`);
  }
  console.log(lines.join("\n"));
  if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
});

/** Mean (ms) of every benchmark task vitest ran in this file, by name. */
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

describe("GitHub REST description (@octokit/openapi 13 MB JSON)", () => {
  bench(
    NAMES.ours,
    async () => {
      const root = freshFolder("github-codegen");
      const raw: CodegenConfigFile = { spec: GITHUB_SPEC, outputs: { types: "types", resolvedSpec: "github.resolved.json" } };
      await timed(NAMES.ours, async () => generate({ config: await resolveConfig(raw, join(root, "faxkit.config.json")) }));
    },
    GITHUB_OPTIONS,
  );

  bench(
    NAMES.cli,
    async () => {
      const outFile = join(freshFolder("github-openapi-ts-cli"), "schema.ts");
      await timed(NAMES.cli, async () => {
        const source = `${COMMENT_HEADER}${astToString(await openapiTS(pathToFileURL(GITHUB_SPEC), OPENAPI_TS_OPTIONS))}`;
        await mkdir(dirname(outFile), { recursive: true });
        await writeFile(outFile, source, "utf8");
      });
    },
    GITHUB_OPTIONS,
  );

  bench(
    NAMES.parsed,
    async () => {
      const outFile = join(freshFolder("github-openapi-ts-parsed"), "schema.ts");
      await timed(NAMES.parsed, async () => {
        const document = JSON.parse(await readFile(GITHUB_SPEC, "utf8")) as Record<string, unknown>;
        const source = `${COMMENT_HEADER}${astToString(await openapiTS(document as never, OPENAPI_TS_OPTIONS))}`;
        await mkdir(dirname(outFile), { recursive: true });
        await writeFile(outFile, source, "utf8");
      });
    },
    GITHUB_OPTIONS,
  );
});

describe("Fax.Plus spec with overlays (faxkit.config.json)", () => {
  // The real config, with spec and overlays made absolute so that only the outputs move.
  const real = JSON.parse(readFileSync(FAXPLUS_CONFIG, "utf8")) as CodegenConfigFile;
  const raw: CodegenConfigFile = {
    ...real,
    spec: resolve(REPO_ROOT, real.spec),
    overlays: (real.overlays ?? []).map((entry) => resolve(REPO_ROOT, entry)),
  };

  bench(
    NAMES.faxplus,
    async () => {
      const root = freshFolder("faxplus");
      await timed(NAMES.faxplus, async () => generate({ config: await resolveConfig(raw, join(root, "faxkit.config.json")) }));
    },
    FAXPLUS_OPTIONS,
  );
});
