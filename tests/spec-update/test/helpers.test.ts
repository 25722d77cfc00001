// The pure parts of scripts/spec-update.mjs and scripts/spec-guard.mjs, in process: the 0.x bump
// policy, the changeset's releases, name and text, the front-matter parser, and the lock's file
// list against codegen's own reading of faxkit.config.json.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "./helpers/repo-copy.js";

type Bump = "major" | "minor" | "patch";
interface SpecUpdate {
  FIXED_GROUP: string[];
  policyBump(bump: Bump, version: string): Bump;
  changesetReleases(semverBumps: Record<string, Bump>, versions: Record<string, string>): Record<string, Bump>;
  changesetFileName(version: string, taken: (file: string) => boolean): string;
  summarizeChanges(changes: { bump: Bump }[]): string;
  renderChangeset(input: {
    releases: Record<string, Bump>;
    semverBumps?: Record<string, Bump>;
    title?: string;
    oldVersion: string;
    newVersion: string;
    changes: { bump: Bump }[];
    report: string;
  }): string;
}
interface SpecGuard {
  changesetReleases(text: string): Record<string, string>;
  lockedFiles(root: string): { spec: string; overlays: string[] };
}

let update: SpecUpdate;
let guard: SpecGuard;
beforeAll(async () => {
  update = (await import(pathToFileURL(join(repoRoot, "scripts/spec-update.mjs")).href)) as SpecUpdate;
  guard = (await import(pathToFileURL(join(repoRoot, "scripts/spec-guard.mjs")).href)) as SpecGuard;
});

const zero = { "@faxkit/types": "0.4.0", "@faxkit/validator": "0.4.0", "@faxkit/mock": "0.4.0", "@faxkit/client": "0.2.3" };

describe("policyBump (.changeset/README.md)", () => {
  test("0.x: breaking → minor, addition → patch, patch → patch", () => {
    expect(update.policyBump("major", "0.4.0")).toBe("minor");
    expect(update.policyBump("minor", "0.4.0")).toBe("patch");
    expect(update.policyBump("patch", "0.4.0")).toBe("patch");
  });
  test("from 1.0.0 on: semver as classified", () => {
    for (const bump of ["major", "minor", "patch"] as const) expect(update.policyBump(bump, "1.2.0")).toBe(bump);
  });
});

describe("changesetReleases", () => {
  test("each affected package at its own bump, in the diff's order", () => {
    expect(update.changesetReleases({ "@faxkit/types": "major", "@faxkit/client": "minor" }, zero)).toEqual({
      "@faxkit/types": "minor",
      "@faxkit/client": "patch",
    });
  });
  test("@faxkit/types is always named, at the fixed group's highest bump", () => {
    expect(update.changesetReleases({ "@faxkit/validator": "major", "@faxkit/mock": "patch" }, zero)).toEqual({
      "@faxkit/types": "minor",
      "@faxkit/validator": "minor",
      "@faxkit/mock": "patch",
    });
    expect(update.changesetReleases({}, zero)).toEqual({ "@faxkit/types": "patch" });
  });
});

test("changesetFileName: spec-<version>.md, numbered when taken, unsafe characters replaced", () => {
  expect(update.changesetFileName("3.5.0", () => false)).toBe(".changeset/spec-3.5.0.md");
  const taken = new Set([".changeset/spec-3.5.0.md", ".changeset/spec-3.5.0-2.md"]);
  expect(update.changesetFileName("3.5.0", (file) => taken.has(file))).toBe(".changeset/spec-3.5.0-3.md");
  expect(update.changesetFileName("3.5.0 beta/1", () => false)).toBe(".changeset/spec-3.5.0-beta-1.md");
});

test("summarizeChanges counts by semver level", () => {
  expect(update.summarizeChanges([{ bump: "major" }, { bump: "minor" }, { bump: "minor" }, { bump: "patch" }])).toBe(
    "4 changes (1 breaking, 2 additive, 1 patch-level)",
  );
  expect(update.summarizeChanges([{ bump: "patch" }])).toBe("1 change (1 patch-level)");
});

describe("renderChangeset", () => {
  const report = "**listFaxes**\n- minor: optional parameter `is_read` (query) added\n";
  test("front matter the guard reads back, a headline, the report", () => {
    const text = update.renderChangeset({
      releases: { "@faxkit/types": "patch", "@faxkit/client": "patch" },
      semverBumps: { "@faxkit/types": "minor", "@faxkit/client": "minor" },
      oldVersion: "3.4.0",
      newVersion: "3.5.0",
      changes: [{ bump: "minor" }],
      report,
    });
    expect(guard.changesetReleases(text)).toEqual({ "@faxkit/types": "patch", "@faxkit/client": "patch" });
    expect(text).toBe(
      [
        "---",
        '"@faxkit/types": patch',
        '"@faxkit/client": patch',
        "---",
        "",
        "Fax.Plus REST API spec 3.5.0 (from 3.4.0): 1 change (1 additive). The levels below are semver's; while the packages are 0.x, a breaking change is released as a minor and any other change as a patch.",
        "",
        report.trim(),
        "",
      ].join("\n"),
    );
  });
  test("no 0.x sentence when the policy changed nothing", () => {
    const text = update.renderChangeset({
      releases: { "@faxkit/types": "patch" },
      semverBumps: { "@faxkit/types": "patch" },
      oldVersion: "3.4.0",
      newVersion: "3.4.1",
      changes: [{ bump: "patch" }],
      report,
    });
    expect(text).not.toContain("0.x");
  });
  test("same info.version: says so", () => {
    const text = update.renderChangeset({
      releases: { "@faxkit/types": "patch" },
      oldVersion: "3.4.0",
      newVersion: "3.4.0",
      changes: [{ bump: "patch" }],
      report,
    });
    expect(text).toContain("Fax.Plus REST API spec 3.4.0, republished with changes: 1 change (1 patch-level).");
    expect(text).toContain("**Note:** Fax.Plus changed the spec without changing its `info.version` (still 3.4.0)");
  });
  test("only info.version changed: no report", () => {
    const text = update.renderChangeset({
      releases: { "@faxkit/types": "patch" },
      oldVersion: "3.4.0",
      newVersion: "3.4.1",
      changes: [],
      report: "",
    });
    expect(text).toContain(
      "Fax.Plus REST API spec 3.4.1 (from 3.4.0): only `info.version` changed; no operation, parameter or schema did.",
    );
  });
});

test("the guard's front-matter parser: quoted and bare names, every bump, nothing without front matter", () => {
  expect(guard.changesetReleases("---\n\"@faxkit/types\": minor\n@faxkit/mock: patch\n'@faxkit/client': major\n---\n\ntext\n")).toEqual({
    "@faxkit/types": "minor",
    "@faxkit/mock": "patch",
    "@faxkit/client": "major",
  });
  expect(guard.changesetReleases("just text\n")).toEqual({});
});

test("the lock covers exactly the spec and the overlays codegen applies", async () => {
  const codegen = (await import(pathToFileURL(join(repoRoot, "packages/codegen/dist/index.js")).href)) as typeof import("@faxkit/codegen");
  const config = await codegen.loadConfig(join(repoRoot, "faxkit.config.json"));
  const files = guard.lockedFiles(repoRoot);
  const rel = (path: string) => path.slice(repoRoot.length + 1);
  expect(files.spec).toBe(rel(config.spec));
  expect(files.overlays).toEqual(config.overlays.map(rel).sort());
  expect(files.overlays.length).toBeGreaterThan(0);
});
