/**
 * test/fixtures/smoke.mjs under every runtime the client's README claims (Node 20, 22 and 24,
 * Bun, Deno), each in the fresh npm project that installed the packed tarballs, against ONE
 * stateful fake started here on 127.0.0.1. The fake is reset before each runtime, so each run
 * sees the same 150 unread faxes and its own request log.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type FakeServer, fixtures, startFake } from "@faxkit/mock";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { run } from "../../support/run-process.js";
import { FIXTURES } from "./helpers/packed-project.js";
import { RUNTIMES } from "./helpers/runtimes.js";

const { projectDir } = inject("runtimeProject");
const SCRIPT = "smoke.mjs";
const FAX_COUNT = 150;
/** One runtime's whole run; Deno's first start in a fresh cache is the slowest. */
const RUN_TIMEOUT_MS = 60_000;

interface SmokeReport {
  runtime: { name: string; version: string };
  listed: number;
  bulk: { results: [string, number][]; requests: number; succeeded: number };
  validator: { good: boolean; isFax: boolean; bad: boolean; badPaths: string[] };
  webhook: { event: string; pages: number; bad: string };
}

const faxes = Array.from({ length: FAX_COUNT }, () => fixtures.fax({ is_read: false }));
const ids = faxes.map((record) => record.id);
let fake: FakeServer;

beforeAll(async () => {
  await copyFile(join(FIXTURES, SCRIPT), join(projectDir, SCRIPT));
  await mkdir(join(projectDir, ".deno-cache"), { recursive: true });
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

describe("the packed client, validator and webhook parser against the stateful fake", () => {
  for (const runtime of RUNTIMES) {
    it(`${runtime.label} ${runtime.version}: lists, bulk-updates 150 IDs, validates and parses a webhook`, async () => {
      const context = { projectDir, fakePort: Number(new URL(fake.url).port), envNames: ["FAXKIT_FAKE_URL", "FAXKIT_FAX_IDS"] };
      const result = await run(runtime.command, runtime.args(SCRIPT, context), {
        cwd: projectDir,
        env: childEnv(),
        timeout: RUN_TIMEOUT_MS,
      });
      expect(result.signal, result.report).toBeNull();
      expect(result.code, result.report).toBe(0);
      const line = result.stdout.split("\n").find((text) => text.startsWith("{"));
      expect(line, result.report).toBeDefined();
      const report = JSON.parse(line ?? "{}") as SmokeReport;

      expect(report.runtime).toEqual({ name: runtime.name, version: runtime.version });
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
    });
  }
});
