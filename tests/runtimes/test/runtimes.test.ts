/**
 * The shared checks (test/fixtures/smoke-checks.mjs) under every runtime the client's README
 * claims, each in the fresh npm project that installed the packed tarballs, against ONE stateful
 * fake started here on 127.0.0.1: smoke.mjs under Node 20, 22 and 24, Bun and Deno; worker.mjs,
 * bundled from that project, under workerd (miniflare) and the Edge Runtime. The fake is reset
 * before each runtime, so each run sees the same 150 unread faxes and its own request log.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type FakeServer, fixtures, startFake } from "@faxkit/mock";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { type RunResult, run } from "../../support/run-process.js";
import { FIXTURES } from "./helpers/packed-project.js";
import { RUNTIMES } from "./helpers/runtimes.js";
import { bundleWorker } from "./helpers/worker-bundle.js";
import { WORKER_RUNTIMES } from "./helpers/worker-runtimes.js";

const { projectDir } = inject("runtimeProject");
const SCRIPT = "smoke.mjs";
/** Copied into the project: the two entry points, the checks they share, the Edge Runtime's wrapper. */
const FIXTURE_FILES = [SCRIPT, "smoke-checks.mjs", "worker.mjs", "worker-edge.mjs"];
const FAX_COUNT = 150;
/** One runtime's whole run; Deno's first start in a fresh cache is the slowest. */
const RUN_TIMEOUT_MS = 60_000;
/** A Worker runner's own deadline: it disposes its runtime and exits before the test kills it. */
const WORKER_TIMEOUT_MS = RUN_TIMEOUT_MS - 15_000;

interface SmokeReport {
  runtime: Record<string, string>;
  listed: number;
  bulk: { results: [string, number][]; requests: number; succeeded: number };
  validator: { good: boolean; isFax: boolean; bad: boolean; badPaths: string[] };
  webhook: { event: string; pages: number; bad: string };
}

interface WorkerReport extends SmokeReport {
  /** What a fetch to another loopback origin got. */
  probe: string;
  /** The runner's package versions. */
  host: Record<string, string>;
}

const faxes = Array.from({ length: FAX_COUNT }, () => fixtures.fax({ is_read: false }));
const ids = faxes.map((record) => record.id);
let fake: FakeServer;

beforeAll(async () => {
  await Promise.all(FIXTURE_FILES.map((file) => copyFile(join(FIXTURES, file), join(projectDir, file))));
  await mkdir(join(projectDir, ".deno-cache"), { recursive: true });
  await mkdir(join(projectDir, ".tmp"), { recursive: true });
  fake = await startFake({ seed: { faxes } });
});

beforeEach(() => fake.reset());

afterAll(async () => {
  await fake?.stop();
});

function childEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    FAXKIT_FAKE_URL: fake.url,
    FAXKIT_FAX_IDS: JSON.stringify(ids),
    // Nothing beyond loopback: no update check, no telemetry or crash reports, a cache of our own.
    DENO_NO_UPDATE_CHECK: "1",
    DENO_DIR: join(projectDir, ".deno-cache"),
    DO_NOT_TRACK: "1",
    NO_COLOR: "1",
  };
}

/** The one JSON line a run printed, once it exited cleanly. */
function reportOf<T>(result: RunResult): T {
  expect(result.signal, result.report).toBeNull();
  expect(result.code, result.report).toBe(0);
  const line = result.stdout.split("\n").find((text) => text.startsWith("{"));
  expect(line, result.report).toBeDefined();
  return JSON.parse(line ?? "{}") as T;
}

/** What every runtime must have done, and what the fake must have seen. */
function expectChecks(report: SmokeReport): void {
  expect(report.listed).toBe(20);
  // Every ID back in input order with 204, in two chunks of at most 100, and the fake saw exactly that.
  expect(report.bulk).toEqual({ results: ids.map((id) => [id, 204]), requests: 2, succeeded: FAX_COUNT });
  expect(fake.requests.map((request) => `${request.operationId} ${request.status}`)).toEqual([
    "listFaxes 200",
    "bulkUpdateFaxes 200",
    "bulkUpdateFaxes 200",
  ]);
  expect(report.validator).toEqual({ good: true, isFax: true, bad: false, badPaths: ["/pages"] });
  expect(report.webhook).toEqual({ event: "fax_received", pages: 3, bad: "WebhookPayloadError" });
}

describe("the packed client, validator and webhook parser against the stateful fake", () => {
  for (const runtime of RUNTIMES) {
    it(`${runtime.label} ${runtime.version}: lists, bulk-updates 150 IDs, validates and parses a webhook`, async () => {
      const context = { projectDir, fakePort: Number(new URL(fake.url).port), envNames: ["FAXKIT_FAKE_URL", "FAXKIT_FAX_IDS"] };
      const result = await run(runtime.command, runtime.args(SCRIPT, context), {
        cwd: projectDir,
        env: childEnv(),
        timeout: RUN_TIMEOUT_MS,
      });
      const report = reportOf<SmokeReport>(result);

      expect(report.runtime).toEqual({ name: runtime.name, version: runtime.version });
      expectChecks(report);
    });
  }

  for (const runtime of WORKER_RUNTIMES) {
    it(`${runtime.label} ${runtime.version}: a Worker bundled from the packed packages lists, bulk-updates 150 IDs, validates and parses a webhook`, async () => {
      const bundle = await bundleWorker(projectDir, runtime.bundle);
      // Only the project's own files and the installed tarballs (and their registry dependency), nothing left to import.
      const projectFiles = [...new Set([`./${runtime.bundle.entry}`, "./worker.mjs", "./smoke-checks.mjs"])];
      const packages = ["@faxkit/client", "@faxkit/types", "@faxkit/validator", "openapi-fetch"];
      expect(bundle.sources).toEqual([...projectFiles, ...packages].sort());
      expect(bundle.external).toEqual([]);

      const result = await run(runtime.command, [runtime.runner, bundle.file, String(WORKER_TIMEOUT_MS)], {
        cwd: projectDir,
        // miniflare removes its temporary folder without waiting for it: if a runner exits early, it stays in ours.
        env: { ...childEnv(), TMPDIR: join(projectDir, ".tmp") },
        timeout: RUN_TIMEOUT_MS,
      });
      const report = reportOf<WorkerReport>(result);

      expect(report.runtime).toEqual(runtime.identity);
      expect(report.host).toEqual(runtime.host);
      // The harness refuses any other origin before a connection is made (and the fake's log stays as below).
      expect(report.probe).toBe("refused");
      expectChecks(report);
    });
  }
});
