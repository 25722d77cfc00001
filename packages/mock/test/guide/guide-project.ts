import { execFile } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GuideFile } from "./extract-guide.js";

/** packages/mock: the package under test, linked into the example project as it is published (its dist). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What the examples import, linked from this package's own dependencies (the versions it is tested with). */
const LINKED = ["@faxkit/client", "msw", "vitest", "@types/node"] as const;

/** Each child run is bounded: a hanging example fails the test instead of holding it. */
const CHILD_TIMEOUT_MS = 90_000;

/** The outcome of a child process: exit code and its output, cut to what a failure message needs. */
export interface ChildResult {
  code: number;
  output: string;
}

/** One test of a child vitest run, from its JSON report. */
export interface ReportedTest {
  file: string;
  name: string;
  status: string;
  failure: string;
}

/**
 * A throwaway project holding the guide's files, as a team repo would have them: `src/` and
 * `test/`, a strict tsconfig, and `node_modules` with `@faxkit/mock` linked to this package.
 */
export async function createGuideProject(files: readonly GuideFile[]): Promise<{ dir: string; remove(): Promise<void> }> {
  if (!existsSync(join(PACKAGE_ROOT, "dist/index.js")) || !existsSync(join(PACKAGE_ROOT, "dist/msw.js")))
    throw new Error("@faxkit/mock is not built: run `pnpm --filter @faxkit/mock build` first");
  const dir = await mkdtemp(join(tmpdir(), "faxkit-mock-guide-"));
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "guide-example", private: true, type: "module" })}\n`);
  await writeFile(join(dir, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  await link(join(dir, "node_modules/@faxkit/mock"), PACKAGE_ROOT);
  for (const name of LINKED) await link(join(dir, "node_modules", name), realpathSync(join(PACKAGE_ROOT, "node_modules", name)));
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.code);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A team repo's strict settings: what the examples must compile under. */
const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
  },
  include: ["src", "test"],
};

async function link(at: string, target: string): Promise<void> {
  await mkdir(dirname(at), { recursive: true });
  await symlink(target, at, "dir");
}

/** `tsc --noEmit` over the project. */
export function typeCheck(dir: string): Promise<ChildResult> {
  const tsc = join(realpathSync(join(PACKAGE_ROOT, "node_modules/typescript")), "bin/tsc");
  return run([tsc, "--noEmit", "-p", join(dir, "tsconfig.json")], dir);
}

/** `vitest run` in the project (only `files` when given); resolves with every test it reported. */
export async function runTests(dir: string, files: readonly string[] = []): Promise<ChildResult & { tests: ReportedTest[] }> {
  const vitest = join(realpathSync(join(PACKAGE_ROOT, "node_modules/vitest")), "vitest.mjs");
  const report = join(dir, "vitest-report.json");
  const result = await run([vitest, "run", "--root", dir, "--reporter=json", `--outputFile=${report}`, ...files], dir);
  const tests = existsSync(report) ? reportedTests(JSON.parse(await readFile(report, "utf8")), dir) : [];
  return { ...result, tests };
}

interface JsonReport {
  testResults?: { name: string; assertionResults?: { title: string; status: string; failureMessages?: string[] }[] }[];
}

function reportedTests(report: JsonReport, dir: string): ReportedTest[] {
  return (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? []).map((test) => ({
      file: file.name.slice(realpathSync(dir).length + 1),
      name: test.title,
      status: test.status,
      failure: (test.failureMessages ?? []).join("\n").slice(0, 2_000),
    })),
  );
}

/** Runs node with `args` in `cwd`, without the parent vitest's worker variables; never rejects. */
function run(args: string[], cwd: string): Promise<ChildResult> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "NODE_OPTIONS"));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd, env: { ...env, NO_COLOR: "1", FORCE_COLOR: "0" }, timeout: CHILD_TIMEOUT_MS, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, output: `${stdout}${stderr}`.slice(-8_000) });
      },
    );
  });
}
