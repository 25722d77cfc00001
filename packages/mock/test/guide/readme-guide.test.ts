import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { declaredTests, extractGuide, GUIDE_HEADING } from "./extract-guide.js";
import { createGuideProject, PACKAGE_ROOT, runTests, typeCheck } from "./guide-project.js";

// The README's guide "Testing code that uses @faxkit/client" is run as it stands: its blocks
// become a small project (src/ + test/) against the built package, type-checked strictly and
// run with vitest. A README example that stops compiling or passing fails here.
const README = readFileSync(join(PACKAGE_ROOT, "README.md"), "utf8");
const CHILD_RUN_MS = 120_000;

const removals: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(removals.map((remove) => remove()));
});

/** The guide's files with `from` replaced by `to` in the README (which must contain `from` once). */
function guideWith(from: string, to: string) {
  expect(README.split(from)).toHaveLength(2);
  return extractGuide(README.replace(from, to));
}

async function project(markdown = README) {
  const created = await createGuideProject(extractGuide(markdown));
  removals.push(created.remove);
  return created.dir;
}

describe("the README guide", () => {
  const files = extractGuide(README);

  it("has the code under test, a startFake test file and an MSW test file", () => {
    expect(files.map((file) => file.path)).toEqual(["src/fax-tasks.ts", "test/fax-tasks.fake.test.ts", "test/fax-tasks.msw.test.ts"]);
    const fake = files[1]?.code ?? "";
    expect(fake).toMatch(/beforeAll\([\s\S]*startFake\(/);
    expect(fake).toContain("afterEach(() => fake.reset())");
    const msw = files[2]?.code ?? "";
    expect(msw).toContain('from "msw/node"');
    expect(msw).toContain("createFakeHandlers(");
  });

  it(
    "type-checks under strict settings against the built package",
    async () => {
      const result = await typeCheck(await project());
      expect(result.output).toBe("");
      expect(result.code).toBe(0);
    },
    CHILD_RUN_MS,
  );

  it(
    "passes: every test the README declares runs and passes",
    async () => {
      const result = await runTests(await project());
      const declared = files.flatMap((file) => declaredTests(file.code).map((name) => `${file.path} › ${name}`));
      expect(declared.length).toBeGreaterThanOrEqual(7);
      const failed = result.tests.filter((test) => test.status !== "passed");
      expect(failed.map((test) => `${test.file} › ${test.name}: ${test.status}\n${test.failure}`)).toEqual([]);
      expect(result.tests.map((test) => `${test.file} › ${test.name}`).sort()).toEqual([...declared].sort());
      expect(result.code, result.output).toBe(0);
    },
    CHILD_RUN_MS,
  );
});

describe("a broken README example fails", () => {
  it(
    "a wrong expectation: the run reports that test failed",
    async () => {
      const broken = guideWith("expect(await markAllRead(fax)).toBe(2);", "expect(await markAllRead(fax)).toBe(3);");
      const created = await createGuideProject(broken);
      removals.push(created.remove);
      const result = await runTests(created.dir, ["test/fax-tasks.fake.test.ts"]);
      expect(result.code).not.toBe(0);
      const failed = result.tests.filter((test) => test.status === "failed");
      expect(failed.map((test) => test.name)).toEqual(["markAllRead: the unread faxes read back as read"]);
      expect(failed[0]?.failure).toMatch(/expected 2 to be 3/);
    },
    CHILD_RUN_MS,
  );

  it(
    "a call that no longer type-checks: tsc names the file and line",
    async () => {
      const broken = guideWith("fixtures.fax({ is_read: true })] });", 'fixtures.fax({ is_read: "yes" })] });');
      const created = await createGuideProject(broken);
      removals.push(created.remove);
      const result = await typeCheck(created.dir);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/test\/fax-tasks\.fake\.test\.ts\(\d+,\d+\): error TS2322/);
    },
    CHILD_RUN_MS,
  );
});

describe("extractGuide", () => {
  const section = (body: string) => `# pkg\n\n${GUIDE_HEADING}\n\n${body}\n## Next\n\n\`\`\`js\nnot part of it\n\`\`\`\n`;

  it("takes each ts block of the section as the file its first line names, and stops at the next section", () => {
    const files = extractGuide(
      section('```ts\n// src/a.ts\nexport const a = 1;\n```\n\ntext\n\n```ts\n// test/a.test.ts\nit("works", () => {});\n```\n'),
    );
    expect(files.map(({ path, code, line }) => ({ path, code, line }))).toEqual([
      { path: "src/a.ts", code: "// src/a.ts\nexport const a = 1;\n", line: 5 },
      { path: "test/a.test.ts", code: '// test/a.test.ts\nit("works", () => {});\n', line: 12 },
    ]);
  });

  it.each([
    { name: "no section", markdown: "# pkg\n", error: /no section "## Testing code that uses @faxkit\/client"/ },
    { name: "a block in another language", markdown: section("```js\n// src/a.js\n```\n"), error: /README:5: a guide block must be ```ts/ },
    { name: "a block that names no file", markdown: section("```ts\nconst a = 1;\n```\n"), error: /README:5: .*must name its file/ },
    { name: "a path outside src/ and test/", markdown: section("```ts\n// ../evil.ts\n```\n"), error: /README:5: .*must name its file/ },
    {
      name: "two blocks for one file",
      markdown: section("```ts\n// src/a.ts\n```\n```ts\n// src/a.ts\n```\n"),
      error: /README:8: src\/a\.ts is named by two blocks/,
    },
    {
      name: "an unclosed block",
      markdown: `# pkg\n\n${GUIDE_HEADING}\n\n\`\`\`ts\n// src/a.ts\n`,
      error: /README:5: the block is never closed/,
    },
    { name: "no block at all", markdown: section("just prose\n"), error: /has no code block/ },
  ])("refuses $name with the README line", ({ markdown, error }) => {
    expect(() => extractGuide(markdown)).toThrow(error);
  });

  it("lists the tests a file declares, quotes unescaped", () => {
    expect(declaredTests('it("a \\"quoted\\" name", () => {});\n  it("nested, not top level", () => {});\ntest("b", () => {});\n')).toEqual(
      ['a "quoted" name', "b"],
    );
  });
});
