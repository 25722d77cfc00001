// The CI guard (`faxkit-codegen guard` through scripts/spec-guard.mjs, run by .ci/run before `pnpm test`) on a copy of the
// repository: an overlay edit without `--record` fails with the fix; `--record` refuses without a
// changeset naming @faxkit/types; with one it records, and the guard passes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkLock, loadConfig, type SpecLock } from "@faxkit/codegen";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from "vitest";
import { RepoClone, repoRoot } from "./helpers/repo-copy.js";

const OVERLAY = "openapi/overlays/03-list-faxes-time-window.yaml";
const LOCK = "openapi/spec-lock.json";

let clone: RepoClone;
beforeAll(async () => {
  clone = await RepoClone.create(inject("template"));
});
afterAll(() => clone?.dispose());
beforeEach(async () => {
  await clone.reset();
});

function editOverlay(): void {
  clone.write(OVERLAY, `${clone.read(OVERLAY)}# refined: the window is inclusive at both ends\n`);
}
function addChangeset(id: string, packages: Record<string, string>): void {
  const frontMatter = Object.entries(packages).map(([name, bump]) => `"${name}": ${bump}`);
  clone.write(
    `.changeset/${id}.md`,
    `---\n${frontMatter.join("\n")}\n---\n\nlistFaxes: the time window's bounds are documented as inclusive.\n`,
  );
}

test(".ci/run runs the guard after `faxkit-codegen check` and before `pnpm test`", () => {
  const ci = readFileSync(join(repoRoot, ".ci/run"), "utf8");
  const guard = ci.indexOf("\nnode scripts/spec-guard.mjs || die ");
  expect(guard).toBeGreaterThan(ci.indexOf("\npnpm exec faxkit-codegen check"));
  expect(guard).toBeLessThan(ci.indexOf("\npnpm test\n"));
});

test("the repository's lock matches its spec and overlays", async () => {
  const result = checkLock(await loadConfig(join(repoRoot, "faxkit.config.json")));
  expect(result.ok, result.message).toBe(true);
});

describe("on a copy", () => {
  test("an untouched copy passes", async () => {
    const result = await clone.guard();
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/openapi\/faxplus\.yaml \(spec [^)]+\) and \d+ overlays match openapi\/spec-lock\.json\./);
  });

  test("an edited overlay without --record fails, naming the file and the fix", async () => {
    editOverlay();
    const result = await clone.guard();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("faxkit-codegen guard: the spec or the overlays differ from openapi/spec-lock.json");
    expect(result.stderr).toMatch(new RegExp(`changed\\s+${OVERLAY}`));
    expect(result.stderr).toContain("run `faxkit-codegen update <file>`");
    expect(result.stderr).toContain('add a changeset naming "@faxkit/types"');
    expect(result.stderr).toContain("faxkit-codegen guard --record");
  });

  test("an edited vendor spec fails the same way", async () => {
    clone.write("openapi/faxplus.yaml", `${clone.read("openapi/faxplus.yaml")}# hand edit\n`);
    const result = await clone.guard();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/changed\s+openapi\/faxplus\.yaml/);
    expect(result.stderr).toContain("git checkout openapi/faxplus.yaml");
  });

  test("an added and a removed overlay are named as such", async () => {
    clone.write("openapi/overlays/07-new.yaml", "overlay: 1.0.0\ninfo:\n  title: new\n  version: 1.0.0\nactions: []\n");
    clone.remove("openapi/overlays/06-email-pattern.yaml");
    const result = await clone.guard();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/added\s+openapi\/overlays\/07-new\.yaml/);
    expect(result.stderr).toMatch(/removed\s+openapi\/overlays\/06-email-pattern\.yaml/);
  });

  test("--record refuses without a pending changeset naming @faxkit/types, and writes nothing", async () => {
    editOverlay();
    addChangeset("client-only", { "@faxkit/client": "patch" });
    const lock = clone.read(LOCK);
    const result = await clone.guard("--record");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('refusing to record: no pending changeset names "@faxkit/types"');
    expect(clone.read(LOCK)).toBe(lock);
    expect((await clone.guard()).code).toBe(1);
  });

  test("with a changeset naming @faxkit/types, --record writes the lock and the guard passes", async () => {
    editOverlay();
    addChangeset("list-faxes-window", { "@faxkit/types": "patch" });
    const record = await clone.guard("--record");
    expect(record.code, record.output).toBe(0);
    expect(record.stdout).toContain("released by .changeset/list-faxes-window.md");
    const lock = clone.json<SpecLock>(LOCK);
    expect(lock.changeset).toBe(".changeset/list-faxes-window.md");
    expect(lock.overlays.map((o) => o.path)).toContain(OVERLAY);
    const guard = await clone.guard();
    expect(guard.code, guard.output).toBe(0);

    // A further edit needs a changeset of its own: the recorded one does not cover it.
    clone.write(OVERLAY, `${clone.read(OVERLAY)}# and once more\n`);
    expect((await clone.guard()).code).toBe(1);
    const again = await clone.guard("--record");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("other than .changeset/list-faxes-window.md, already recorded");
  });

  test("--record --changeset picks the changeset; one that does not name @faxkit/types is refused", async () => {
    editOverlay();
    addChangeset("a", { "@faxkit/types": "patch" });
    addChangeset("b", { "@faxkit/mock": "patch" });
    const wrong = await clone.guard("--record", "--changeset", ".changeset/b.md");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('does not name "@faxkit/types"');
    const right = await clone.guard("--record", "--changeset", ".changeset/a.md");
    expect(right.code, right.output).toBe(0);
    expect(clone.json<SpecLock>(LOCK).changeset).toBe(".changeset/a.md");
  });

  test("a missing lock fails; --record writes a first one without a changeset", async () => {
    clone.remove(LOCK);
    const missing = await clone.guard();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("openapi/spec-lock.json is missing");
    const record = await clone.guard("--record");
    expect(record.code, record.output).toBe(0);
    expect(clone.json<SpecLock>(LOCK).changeset).toBeNull();
    expect((await clone.guard()).code).toBe(0);
  });

  test("bad arguments: exit 2", async () => {
    const result = await clone.guard("--changeset", "x.md");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--changeset goes with --record");
  });
});
