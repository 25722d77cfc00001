// The pure parts of `faxkit-codegen update` and `guard`, in process through @faxkit/codegen's typed
// API: the 0.x bump policy, the changeset's releases (with this repository's fixed group, read from
// .changeset/config.json), name and text, and the front-matter parser reading back what is written.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  changesetFileName,
  loadConfig,
  planReleases,
  policyBump,
  readChangesetReleases,
  readFixedGroup,
  renderChangeset,
  type SpecLock,
  summarizeChanges,
} from "@faxkit/codegen";
import { beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "./helpers/repo-copy.js";

/** This repository's fixed group, as changesets reads it. */
let fixedGroup: string[];
beforeAll(() => {
  fixedGroup = readFixedGroup(repoRoot, ["@faxkit/types", "@faxkit/validator", "@faxkit/mock", "@faxkit/client", "@faxkit/codegen"]);
});

const zero = { "@faxkit/types": "0.4.0", "@faxkit/validator": "0.4.0", "@faxkit/mock": "0.4.0", "@faxkit/client": "0.2.3" };

describe("policyBump (.changeset/README.md)", () => {
  test("0.x: breaking → minor, addition → patch, patch → patch", () => {
    expect(policyBump("major", "0.4.0")).toBe("minor");
    expect(policyBump("minor", "0.4.0")).toBe("patch");
    expect(policyBump("patch", "0.4.0")).toBe("patch");
  });
  test("from 1.0.0 on: semver as classified", () => {
    for (const bump of ["major", "minor", "patch"] as const) expect(policyBump(bump, "1.2.0")).toBe(bump);
  });
});

describe("planReleases", () => {
  test("each affected package at its own bump, in the diff's order", () => {
    expect(planReleases({ "@faxkit/types": "major", "@faxkit/client": "minor" }, zero, fixedGroup)).toEqual({
      "@faxkit/types": "minor",
      "@faxkit/client": "patch",
    });
  });
  test("@faxkit/types is always named, at the fixed group's highest bump", () => {
    expect(planReleases({ "@faxkit/validator": "major", "@faxkit/mock": "patch" }, zero, fixedGroup)).toEqual({
      "@faxkit/types": "minor",
      "@faxkit/validator": "minor",
      "@faxkit/mock": "patch",
    });
    expect(planReleases({}, zero, fixedGroup)).toEqual({ "@faxkit/types": "patch" });
  });
});

test("changesetFileName: spec-<version>.md, numbered when taken, unsafe characters replaced", () => {
  expect(changesetFileName("3.5.0", () => false)).toBe(".changeset/spec-3.5.0.md");
  const taken = new Set([".changeset/spec-3.5.0.md", ".changeset/spec-3.5.0-2.md"]);
  expect(changesetFileName("3.5.0", (file) => taken.has(file))).toBe(".changeset/spec-3.5.0-3.md");
  expect(changesetFileName("3.5.0 beta/1", () => false)).toBe(".changeset/spec-3.5.0-beta-1.md");
});

test("summarizeChanges counts by semver level", () => {
  expect(summarizeChanges([{ bump: "major" }, { bump: "minor" }, { bump: "minor" }, { bump: "patch" }])).toBe(
    "4 changes (1 breaking, 2 additive, 1 patch-level)",
  );
  expect(summarizeChanges([{ bump: "patch" }])).toBe("1 change (1 patch-level)");
});

describe("renderChangeset", () => {
  const report = "**listFaxes**\n- minor: optional parameter `is_read` (query) added\n";
  test("front matter the guard reads back, a headline, the report", () => {
    const text = renderChangeset({
      releases: { "@faxkit/types": "patch", "@faxkit/client": "patch" },
      semverBumps: { "@faxkit/types": "minor", "@faxkit/client": "minor" },
      oldVersion: "3.4.0",
      newVersion: "3.5.0",
      changes: [{ bump: "minor" }],
      report,
    });
    expect(readChangesetReleases(text)).toEqual({ "@faxkit/types": "patch", "@faxkit/client": "patch" });
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
    const text = renderChangeset({
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
    const text = renderChangeset({
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
    const text = renderChangeset({
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
  expect(readChangesetReleases("---\n\"@faxkit/types\": minor\n@faxkit/mock: patch\n'@faxkit/client': major\n---\n\ntext\n")).toEqual({
    "@faxkit/types": "minor",
    "@faxkit/mock": "patch",
    "@faxkit/client": "major",
  });
  expect(readChangesetReleases("just text\n")).toEqual({});
});

test("this repository's fixed group is read from .changeset/config.json: types, validator, mock", () => {
  expect(fixedGroup).toEqual(["@faxkit/types", "@faxkit/validator", "@faxkit/mock"]);
});

test("the repository's lock lists exactly the spec and the overlays codegen applies", async () => {
  const config = await loadConfig(join(repoRoot, "faxkit.config.json"));
  const lock = JSON.parse(readFileSync(join(repoRoot, "openapi/spec-lock.json"), "utf8")) as SpecLock;
  const rel = (path: string) => path.slice(repoRoot.length + 1);
  expect(lock.spec.path).toBe(rel(config.spec));
  expect(lock.overlays.map((entry) => entry.path)).toEqual(config.overlays.map(rel).sort());
  expect(lock.overlays.length).toBeGreaterThan(0);
});
