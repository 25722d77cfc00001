/**
 * test/fixtures/error-names.mjs, run with Node inside the fresh npm project: every error class
 * exported by any entry point of any installed @faxkit package, loaded from the ESM and the
 * CommonJS build. A new error class is covered as soon as an entry point exports it.
 */
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type RunResult, run } from "../../support/run-process.js";
import { FIXTURES } from "./helpers/consumer-project.js";

const { projectDir } = inject("consumer");

interface ErrorClassReport {
  specifier: string;
  format: "esm" | "cjs";
  exportName: string;
  className: string;
  constructError?: string;
  errorName?: string;
  message?: string;
  inspectLine?: string;
  stackLine?: string;
}

/** What a user should see of one class, or why not. */
function problemsOf(report: ErrorClassReport): string[] {
  const where = `${report.exportName} from ${report.specifier} (${report.format})`;
  const name = report.exportName;
  if (report.constructError) return [`${where}: cannot be built for the check (${report.constructError}); add it to SAMPLE_ARGUMENTS`];
  const problems: string[] = [];
  if (report.className !== name) problems.push(`${where}: the class is named ${JSON.stringify(report.className)}`);
  if (report.errorName !== name) problems.push(`${where}: error.name is ${JSON.stringify(report.errorName)}`);
  if (report.inspectLine !== `${name}: ${report.message}`)
    problems.push(`${where}: util.inspect prints ${JSON.stringify(report.inspectLine)}`);
  if (!report.stackLine?.startsWith(`${name}: `)) problems.push(`${where}: the stack starts ${JSON.stringify(report.stackLine)}`);
  return problems;
}

describe("error classes as users print them", () => {
  let result: RunResult;
  let reports: ErrorClassReport[] = [];

  beforeAll(async () => {
    await copyFile(join(FIXTURES, "error-names.mjs"), join(projectDir, "error-names.mjs"));
    result = await run(process.execPath, ["error-names.mjs"], { cwd: projectDir, timeout: 30_000 });
    reports = result.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as ErrorClassReport);
  });

  it("finds the error classes of every package's entry points, in both builds", () => {
    expect(result.code, result.report).toBe(0);
    const found = (format: string) => new Set(reports.filter((r) => r.format === format).map((r) => `${r.specifier} ${r.exportName}`));
    // A floor, not the full list: new classes join the check below without an edit here.
    const expected = [
      "@faxkit/validator FaxValidationError",
      "@faxkit/client FaxPlusError",
      "@faxkit/client TimeoutError",
      "@faxkit/client NotFoundError",
      "@faxkit/client/webhooks WebhookPayloadError",
      "@faxkit/codegen CodegenError",
    ];
    for (const format of ["esm", "cjs"]) expect([...found(format)], format).toEqual(expect.arrayContaining(expected));
    expect(found("cjs")).toEqual(found("esm"));
  });

  it("every exported error class prints its own name in util.inspect and stack, ESM and CJS", () => {
    expect(reports.length, result.report).toBeGreaterThan(0);
    expect(reports.flatMap(problemsOf)).toEqual([]);
  });
});
