// `faxkit-codegen update` and `guard` through the built CLI, on a throwaway project (the mini spec,
// no repository around it): the spec lock recorded and checked, a new spec taken with its
// changeset, a dry run, and a failed type check that puts every file back.
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { readChangesetReleases } from "../../src/index.js";
import { createTempProject, MINI_SPEC, type TempProject } from "../helpers/temp-project.js";

/** The mini spec's next release: a new optional query parameter (an addition, minor by semver). */
const NEXT_SPEC = MINI_SPEC.replace("  version: 1.0.0", "  version: 1.1.0").replace(
  "        - name: depth\n",
  "        - name: expand\n          in: query\n          schema: { type: boolean }\n        - name: depth\n",
);
/** A release that renames the one path: code typed against the old paths no longer compiles. */
const RENAMED_PATH_SPEC = MINI_SPEC.replace("  version: 1.0.0", "  version: 2.0.0").replace("/things/{id}:", "/items/{id}:");

let project: TempProject;
const read = (path: string) => readFileSync(join(project.root, path), "utf8");
/** Every file of the project but its inputs folder, to prove that nothing changed. */
const everything = async () => ({ ...(await project.snapshotOutputs()), spec: read("spec.yaml"), lock: read("spec-lock.json") });

beforeEach(async () => {
  project = await createTempProject();
  await project.write(".changeset/config.json", JSON.stringify({ fixed: [["@faxkit/types", "@faxkit/validator"]] }));
  expect((await project.cli("generate", "--quiet")).code).toBe(0);
});
afterEach(async () => project.remove());

describe("faxkit-codegen guard", () => {
  test("without a lock: exit 1 and how to write one; --record writes it beside the spec; then the check passes", async () => {
    const missing = await project.cli("guard");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("faxkit-codegen guard: spec-lock.json is missing");
    expect(missing.stderr).toContain("faxkit-codegen guard --record");
    const record = await project.cli("guard", "--record");
    expect(record.code, record.stderr).toBe(0);
    expect(JSON.parse(read("spec-lock.json"))).toMatchObject({ specVersion: "1.0.0", spec: { path: "spec.yaml" }, changeset: null });
    const check = await project.cli("guard");
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain("faxkit-codegen guard: spec.yaml (spec 1.0.0) and 0 overlays match spec-lock.json.");
  });

  test("an unrecorded spec edit fails, naming the fixed group read from .changeset/config.json", async () => {
    await project.cli("guard", "--record");
    await project.write("spec.yaml", `${MINI_SPEC}# edited by hand\n`);
    const result = await project.cli("guard");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/changed\s+spec\.yaml/);
    expect(result.stderr).toContain("changes what @faxkit/types and @faxkit/validator ship");
    expect(result.stderr).toContain("run `faxkit-codegen update <file>`");
  });

  test("bad arguments: exit 2 with the usage", async () => {
    const result = await project.cli("guard", "--bogus");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: faxkit-codegen guard");
  });
});

describe("faxkit-codegen update", () => {
  beforeEach(async () => {
    expect((await project.cli("guard", "--record")).code).toBe(0);
  });

  test("takes a new spec: replaced byte for byte, regenerated, a changeset naming each affected package, the lock; the guard passes", async () => {
    await project.write("inputs/next.yaml", NEXT_SPEC);
    const result = await project.cli("update", join(project.root, "inputs/next.yaml"));
    expect(result.code, result.stderr).toBe(0);
    expect(read("spec.yaml")).toBe(NEXT_SPEC);
    expect(read("out/resolved.json")).toContain('"expand"');
    const changeset = read(".changeset/spec-1.1.0.md");
    // No packages/ folder, so no 0.x version lowers a bump: the bumps are semver's.
    expect(readChangesetReleases(changeset)).toMatchObject({ "@faxkit/types": "minor", "@faxkit/validator": "minor" });
    expect(changeset).toContain("spec 1.1.0 (from 1.0.0): 1 change (1 additive).");
    expect(JSON.parse(read("spec-lock.json"))).toMatchObject({ specVersion: "1.1.0", changeset: ".changeset/spec-1.1.0.md" });
    expect(result.stdout).toContain("faxkit-codegen update: Mini API 1.0.0 → 1.1.0: wrote .changeset/spec-1.1.0.md and spec-lock.json.");
    expect((await project.cli("guard")).code).toBe(0);
  });

  test("--dry-run prints the changeset it would write and changes nothing", async () => {
    await project.write("inputs/next.yaml", NEXT_SPEC);
    const before = await everything();
    const result = await project.cli("update", join(project.root, "inputs/next.yaml"), "--dry-run");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Would write .changeset/spec-1.1.0.md (and record it in spec-lock.json):");
    expect(result.stdout).toMatch(/faxkit-codegen update: dry run: restored \d+ files; nothing was changed\./);
    expect(await everything()).toEqual(before);
    expect(existsSync(join(project.root, ".changeset/spec-1.1.0.md"))).toBe(false);
  });

  test("when the shipped code no longer type-checks, every file is put back and the report still comes first", async () => {
    // A package typed against the generated paths, and the tools its type check needs.
    const here = createRequire(import.meta.url);
    const link = (name: string) => {
      mkdirSync(dirname(join(project.root, "node_modules", name)), { recursive: true });
      symlinkSync(dirname(here.resolve(`${name}/package.json`)), join(project.root, "node_modules", name), "dir");
    };
    link("typescript");
    link("@types/node");
    await project.write("packages/app/package.json", JSON.stringify({ name: "@example/app", version: "0.1.0" }));
    await project.write(
      "packages/app/src/index.ts",
      'import type { paths } from "../../../out/types/schema.js";\nexport const thing: keyof paths = "/things/{id}";\n',
    );
    await project.write("inputs/renamed.yaml", RENAMED_PATH_SPEC);
    const before = await everything();
    const result = await project.cli("update", join(project.root, "inputs/renamed.yaml"));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/packages\/app\/src\/index\.ts\(2,\d+\): error TS\d+/);
    expect(result.stdout.indexOf("Release (")).toBeLessThan(result.stdout.indexOf("error TS"));
    expect(result.stderr).toContain("the hand-written code does not type-check against the code generated from the new spec");
    expect(result.stderr).toMatch(/Everything was restored \(\d+ files\)/);
    expect(await everything()).toEqual(before);
    expect(existsSync(join(project.root, ".changeset/spec-2.0.0.md"))).toBe(false);
  });

  test.each([
    [[], 2, "faxkit-codegen update: the new spec file is missing."],
    [["nowhere.yaml"], 1, "faxkit-codegen update: cannot read nowhere.yaml: no such file."],
  ])("%j: exit %i, %s", async (args, code, message) => {
    const result = await project.cli("update", ...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });
});
