/**
 * test/fixtures/fake-consumer.mjs and fake-consumer.cjs, run with Node inside the fresh npm
 * project (which installed msw, the optional peer of @faxkit/mock/msw): the stateful fake from
 * the installed tarball over HTTP (`startFake`) and as MSW handlers (`createFakeHandlers`), loaded
 * as ESM and as CommonJS. Each talks to the fake through @faxkit/client, stops it, exits by itself
 * and prints one JSON line that the tests below read.
 */
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type RunResult, run } from "../../support/run-process.js";
import { FIXTURES } from "./helpers/consumer-project.js";

const { projectDir } = inject("consumer");

interface FakeReport {
  format: "esm" | "cjs";
  http: {
    loopback: string;
    bulk: [boolean, number][];
    readAfterUpdate: boolean;
    rateLimited: { isRateLimitError: boolean; isFaxPlusError: boolean; status: number };
    logged: string[];
  };
  msw: { handlers: number; baseUrl: string; comment: string; logged: string[] };
}

describe.each([
  { format: "esm", script: "fake-consumer.mjs" },
  { format: "cjs", script: "fake-consumer.cjs" },
] as const)("$script in Node ($format)", ({ format, script }) => {
  let result: RunResult;
  let report: FakeReport;

  beforeAll(async () => {
    await copyFile(join(FIXTURES, script), join(projectDir, script));
    // Killed after 30 s: a fake left running (or any open handle) would keep Node alive.
    result = await run(process.execPath, [script], { cwd: projectDir, timeout: 30_000 });
    const line = result.stdout.split("\n").find((text) => text.startsWith("{"));
    report = line ? JSON.parse(line) : ({} as FakeReport);
  });

  it("stops the fake, closes the MSW server and exits 0 by itself", () => {
    expect(result.signal, result.report).toBeNull();
    expect(result.code, result.report).toBe(0);
    expect(report.format, result.report).toBe(format);
  });

  it("startFake from the root entry keeps state: a bulk update is read back on loopback", () => {
    expect(report.http.loopback).toBe("127.0.0.1");
    expect(report.http.bulk).toEqual([[true, 204]]);
    expect(report.http.readAfterUpdate).toBe(true);
  });

  it("startFake's injected 429 reaches the client as a RateLimitError, and the request log lists every call", () => {
    expect(report.http.rateLimited).toEqual({ isRateLimitError: true, isFaxPlusError: true, status: 429 });
    expect(report.http.logged).toEqual(["bulkUpdateFaxes 200", "getFax 200", "getUser 429"]);
  });

  it("createFakeHandlers from @faxkit/mock/msw answers the client's default base URL through the installed msw", () => {
    expect(report.msw.handlers).toBeGreaterThan(0);
    expect(report.msw.baseUrl).toBe("https://restapi.fax.plus/v3");
    expect(report.msw.comment).toBe("through msw");
    expect(report.msw.logged).toEqual(["getFax 200"]);
  });
});
