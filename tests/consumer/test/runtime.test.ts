/**
 * test/fixtures/consumer.mjs and consumer.cjs, run with Node inside the fresh npm project:
 * the same scenario loaded as ESM and as CommonJS. Each starts @faxkit/mock from the installed
 * tarball, talks to it through @faxkit/client with @faxkit/validator's middleware, stops the
 * mock, exits by itself, and prints one JSON line that the tests below read.
 */
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type RunResult, run } from "../../support/run-process.js";
import { FIXTURES } from "./helpers/consumer-project.js";

const { projectDir } = inject("consumer");
const IDS = ["66df09cf1d6d0b295c363956", "66df09cf1d6d0b295c363957"];

interface ScenarioReport {
  format: "esm" | "cjs";
  operations: number;
  specOperations: number;
  listed: number;
  bulk: [string, number][];
  raw: number;
  validation: { isFaxValidationError: boolean; message: string; requestsSent: number };
  notFound: { isNotFoundError: boolean; isFaxPlusError: boolean; status: number; code: string };
  assertSubpath: { isFaxValidationError: boolean; name: string };
  clientFaxValidationError: { sameClass: boolean; catchesMiddleware: boolean };
  webhooks: { isWebhookPayloadError: boolean; isFaxPlusError: boolean };
  nodeEntry: string;
  sent: string[];
}

describe.each([
  { format: "esm", script: "consumer.mjs" },
  { format: "cjs", script: "consumer.cjs" },
] as const)("$script in Node ($format)", ({ format, script }) => {
  let result: RunResult;
  let report: ScenarioReport;

  beforeAll(async () => {
    await copyFile(join(FIXTURES, script), join(projectDir, script));
    // Killed after 30 s: a mock left running (or any open handle) would keep Node alive.
    result = await run(process.execPath, [script], { cwd: projectDir, timeout: 30_000 });
    const line = result.stdout.split("\n").find((text) => text.startsWith("{"));
    report = line ? JSON.parse(line) : ({} as ScenarioReport);
  });

  it("stops the mock and exits 0 by itself", () => {
    expect(result.signal, result.report).toBeNull();
    expect(result.code, result.report).toBe(0);
    expect(report.format, result.report).toBe(format);
  });

  it("serves every operation from the installed mock and types package", () => {
    // Whatever the spec's count (28 in 3.4.0): the installed mock serves all that the installed types describe.
    expect(report.operations).toBeGreaterThan(0);
    expect(report.operations).toBe(report.specOperations);
  });

  it("lists faxes and bulk-updates them, through the resource API and the raw PUT", () => {
    expect(report.listed).toBeGreaterThan(0);
    expect(report.bulk).toEqual(IDS.map((id) => [id, 204]));
    expect(report.raw).toBe(IDS.length);
  });

  it("rejects an invalid bulk update with FaxValidationError before sending anything", () => {
    expect(report.validation).toEqual({
      isFaxValidationError: true,
      message: "invalid bulkUpdateFaxes request: /body/ids/0: must be at most 32 characters (got 33)",
      requestsSent: 0,
    });
    expect(report.sent).toEqual([
      "GET /v3/accounts/self/faxes",
      "PUT /v3/accounts/self/faxes",
      "PUT /v3/accounts/self/faxes",
      `GET /v3/accounts/self/faxes/${IDS[0]}`,
    ]);
  });

  it("turns the documented 404 (Prefer: code=404) into a NotFoundError, which is a FaxPlusError", () => {
    expect(report.notFound).toEqual({ isNotFoundError: true, isFaxPlusError: true, status: 404, code: "not_found" });
  });

  it("has one FaxValidationError class across @faxkit/validator's entries (/assert throws the root's class)", () => {
    expect(report.assertSubpath).toEqual({ isFaxValidationError: true, name: "FaxValidationError" });
  });

  it("exports from @faxkit/client the very FaxValidationError of @faxkit/validator (one class, instanceof holds)", () => {
    expect(report.clientFaxValidationError).toEqual({ sameClass: true, catchesMiddleware: true });
  });

  it("has one error hierarchy across @faxkit/client's entries (/webhooks errors are the root's FaxPlusError)", () => {
    expect(report.webhooks).toEqual({ isWebhookPayloadError: true, isFaxPlusError: true });
    expect(report.nodeEntry).toBe("function");
  });
});
