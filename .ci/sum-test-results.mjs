#!/usr/bin/env node
// Sums the vitest JSON reports of every workspace package into the one plain line CI
// reads: "N passed, N failed". turbo prefixes each task's output, so vitest's own
// summaries cannot be read from the log. Before it, the slowest packages and test files, so
// that growth of the run shows. Exits 1 when a test failed or no test ran.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const folders = ["openapi", "examples", "tests", "packages"].flatMap((top) => {
  const dir = join(root, top);
  if (!existsSync(dir)) return [];
  if (existsSync(join(dir, "package.json"))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name));
});

let passed = 0;
let failed = 0;
/** Wall time of each package's run, and of each test file, in ms. */
const packageTimes = [];
const fileTimes = [];
for (const folder of folders) {
  const report = join(folder, ".vitest", "results.json");
  if (!existsSync(report)) continue;
  const results = JSON.parse(readFileSync(report, "utf8"));
  // A suite that fails outside its tests (it does not load, or a beforeAll throws and its
  // tests are only "skipped") counts as one failure, so a broken suite never reads as green.
  const brokenSuites = (results.testResults ?? []).filter(
    (suite) => suite.status === "failed" && !(suite.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  const name = folder.slice(root.length);
  console.log(`${name}: ${results.numPassedTests} passed, ${results.numFailedTests + brokenSuites} failed`);
  const suites = results.testResults ?? [];
  const ends = suites.map((suite) => suite.endTime).filter(Number.isFinite);
  if (Number.isFinite(results.startTime) && ends.length > 0) packageTimes.push([name, Math.max(...ends) - results.startTime]);
  for (const suite of suites)
    if (Number.isFinite(suite.startTime) && Number.isFinite(suite.endTime))
      fileTimes.push([`${name}/${String(suite.name).split(`${name}/`).pop()}`, suite.endTime - suite.startTime]);
  passed += results.numPassedTests;
  failed += results.numFailedTests + brokenSuites;
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
const slowest = (times, count) => [...times].sort((a, b) => b[1] - a[1]).slice(0, count);
console.log("\nslowest packages (wall time of their test run):");
for (const [name, ms] of slowest(packageTimes, 6)) console.log(`${seconds(ms)}  ${name}`);
console.log("slowest test files:");
for (const [name, ms] of slowest(fileTimes, 8)) console.log(`${seconds(ms)}  ${name}`);
console.log("");
const testStatus = Number(process.env.PNPM_TEST_STATUS ?? 0);
if (testStatus !== 0 && failed === 0) {
  console.log(`pnpm test exited with status ${testStatus} although no test failed: counted as one failure`);
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
