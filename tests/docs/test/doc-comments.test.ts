import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { run } from "../../support/run-command.js";
import { publicEntryPoints } from "../reference/entry-points.mjs";
import { convertReference, SUITE_DIR } from "./support/typedoc-run.js";

const FIXTURE = join(SUITE_DIR, "test/fixtures/undocumented-export");

describe("the doc-comment lint", () => {
  it("passes the real packages: every public export, member and entry point has a doc comment, every {@link} resolves", () => {
    const reference = inject("reference");
    // The whole list in the failure message: it is the to-do list.
    expect(reference.warnings).toEqual([]);
    expect(reference.errors).toEqual([]);
    expect(reference.moduleNames.sort()).toEqual(
      publicEntryPoints()
        .map((entry) => entry.moduleName)
        .sort(),
    );
  });

  it("makes the typedoc command (what `pnpm run docs` runs) fail on an undocumented export", async () => {
    const out = await mkdtemp(join(tmpdir(), "faxkit-docs-lint-"));
    try {
      const result = await run(join(SUITE_DIR, "node_modules/.bin/typedoc"), ["--options", join(FIXTURE, "typedoc.json"), "--out", out], {
        cwd: SUITE_DIR,
      });
      expect(result.output).toContain("undocumentedFunction (CallSignature)");
      expect(result.code).not.toBe(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("names each undocumented export, member and broken link of a package that has them", async () => {
    // The fixture's typedoc.json extends the reference's configuration: same checks, other entry point.
    const run = await convertReference({}, join(FIXTURE, "typedoc.json"));
    const report = run.warnings.join("\n");
    expect(report).toMatch(/undocumentedFunction \(CallSignature\).* does not have any documentation/);
    expect(report).toMatch(/FixtureOptions\.undocumentedOption \(Property\).* does not have any documentation/);
    expect(report).toMatch(/FixtureClient\.undocumentedMethod \(CallSignature\).* does not have any documentation/);
    expect(report).toMatch(/Failed to resolve link to "doesNotExist" in comment for brokenLink/);
    expect(report).not.toMatch(/\b(documentedFunction|documentedOption|documentedMethod)\b/);
    expect(run.warnings).toHaveLength(4);
  });
});
