// `pnpm spec:update <file>` end to end on a copy of the repository: a 3.5.0 release with a new
// optional query parameter on listFaxes, a new operation (getWebhook) and a new description
// (getFax). Then `changeset version` on the result, as the release flow does next.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { changedFiles, RepoClone, type RunResult, run } from "./helpers/repo-copy.js";
import {
  NEW_GET_FAX_DESCRIPTION,
  NEW_OPERATION,
  NEW_QUERY_PARAMETER,
  REDESCRIBED_OPERATION,
  release350,
  specVersion,
} from "./helpers/specs.js";

type Codegen = typeof import("@faxkit/codegen");
type SpecChange = import("@faxkit/codegen").SpecChange;
type Bump = "major" | "minor" | "patch";
type Lock = import("@faxkit/codegen").SpecLock;
interface Resolved {
  info: { version: string };
  paths: Record<string, Record<string, { operationId?: string; parameters?: { name: string; in: string; required?: boolean }[] }>>;
  components: { schemas: Record<string, { properties?: Record<string, { items?: { maxLength?: number } }> }> };
}

const FIXED_GROUP = ["@faxkit/types", "@faxkit/validator", "@faxkit/mock"];
const PUBLISHED_DIRS: Record<string, string> = {
  "@faxkit/types": "packages/types",
  "@faxkit/validator": "packages/validator",
  "@faxkit/mock": "packages/mock",
  "@faxkit/client": "packages/client",
  "@faxkit/codegen": "packages/codegen",
};
const CHANGESET = ".changeset/spec-3.5.0.md";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const policy = (bump: Bump, version: string): Bump => (version.startsWith("0.") ? (bump === "major" ? "minor" : "patch") : bump);
const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };
function nextVersion(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  return bump === "major" ? `${major + 1}.0.0` : bump === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}
function frontMatter(text: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "";
  return Object.fromEntries(block.split("\n").map((line) => line.split(/:\s*/).map((part) => part.replace(/^"|"$/g, "").trim())));
}
/** One entry of the generated operation table (`"<id>": {...},` on one line). */
function operationEntry(operationsTs: string, id: string): Record<string, unknown> {
  const line = operationsTs.split("\n").find((l) => l.startsWith(`  "${id}": {`));
  if (!line) throw new Error(`operations.ts has no entry for ${id}`);
  return JSON.parse(line.slice(line.indexOf("{")).replace(/,\s*$/, "")) as Record<string, unknown>;
}

let clone: RepoClone;
let codegen: Codegen;
let currentSpec: string;
let newSpec: string;
let oldResolved: Resolved;
let lockBefore: Lock;
let versionsBefore: Record<string, string>;
let hashesBefore: Map<string, string>;
let result: RunResult;

beforeAll(async () => {
  clone = await RepoClone.create(inject("template"));
  codegen = (await import(pathToFileURL(clone.path("packages/codegen/dist/index.js")).href)) as Codegen;
  currentSpec = clone.read("openapi/faxplus.yaml");
  oldResolved = clone.json<Resolved>("openapi/dist/faxplus.resolved.json");
  lockBefore = clone.json<Lock>("openapi/spec-lock.json");
  versionsBefore = Object.fromEntries(
    Object.entries(PUBLISHED_DIRS).map(([name, dir]) => [name, clone.json<{ version: string }>(`${dir}/package.json`).version]),
  );
  hashesBefore = clone.hashes();
  newSpec = release350(currentSpec);
  result = await clone.specUpdate(clone.writeInput("faxplus-3.5.0.yaml", newSpec));
});
afterAll(() => clone?.dispose());

describe(`pnpm spec:update with 3.5.0 (new ${NEW_QUERY_PARAMETER} on listFaxes, new ${NEW_OPERATION}, new ${REDESCRIBED_OPERATION} description)`, () => {
  test("exits 0 and puts the new file in place byte for byte", () => {
    expect(result.code, result.output).toBe(0);
    expect(specVersion(currentSpec)).not.toBe("3.5.0");
    expect(clone.read("openapi/faxplus.yaml")).toBe(newSpec);
  });

  test("changes only the spec, the generated code, the resolved spec, the lock and the new changeset", () => {
    const changed = changedFiles(hashesBefore, clone.hashes());
    const allowed = [
      "openapi/faxplus.yaml",
      "openapi/spec-lock.json",
      "openapi/dist/faxplus.resolved.json",
      CHANGESET,
      "packages/types/src/generated/",
      "packages/validator/src/generated/",
    ];
    expect(
      changed.filter((file) => !allowed.some((prefix) => file === prefix || (prefix.endsWith("/") && file.startsWith(prefix)))),
    ).toEqual([]);
    expect(changed).toEqual(
      expect.arrayContaining(["openapi/faxplus.yaml", "openapi/spec-lock.json", "openapi/dist/faxplus.resolved.json", CHANGESET]),
    );
  });

  test("regenerates the types: the new operation in operations.ts and resources.ts, the new parameter, the spec info", () => {
    const operations = clone.read("packages/types/src/generated/operations.ts");
    expect(operationEntry(operations, NEW_OPERATION)).toMatchObject({
      operationId: NEW_OPERATION,
      method: "GET",
      path: "/hooks/{hook_id}",
      tag: "Webhooks",
    });
    expect(operationEntry(operations, "listFaxes").queryParams).toContain(NEW_QUERY_PARAMETER);

    const resources = clone.read("packages/types/src/generated/resources.ts");
    const webhooks = /"webhooks": \{([^}]*)\}/.exec(resources)?.[1] ?? "";
    expect(webhooks).toContain(`"get": "${NEW_OPERATION}"`);
    const call = new RegExp(`"${NEW_OPERATION}": (\\{[^\\n]*\\}),?\\n`).exec(resources)?.[1] ?? "null";
    expect(JSON.parse(call)).toMatchObject({ method: "GET", path: "/hooks/{hook_id}", pathParams: ["hook_id"] });

    const specInfo = clone.read("packages/types/src/generated/spec-info.ts");
    const count = (text: string) => Number(/"operationCount": (\d+)/.exec(text)?.[1]);
    expect(specInfo).toContain('"version": "3.5.0"');
    expect(count(specInfo)).toBe(
      Object.values(oldResolved.paths)
        .flatMap((item) => Object.values(item))
        .filter((op) => op.operationId).length + 1,
    );
    expect(clone.read("packages/types/src/generated/schema.ts")).toContain(NEW_GET_FAX_DESCRIPTION);
  });

  test("regenerates the validators and the resolved spec, overlays re-applied; codegen check finds nothing stale", async () => {
    expect(clone.exists("packages/validator/src/generated/operations/GetWebhook.ts")).toBe(true);
    const resolved = clone.json<Resolved>("openapi/dist/faxplus.resolved.json");
    expect(resolved.info.version).toBe("3.5.0");
    expect(resolved.paths["/hooks/{hook_id}"]?.get?.operationId).toBe(NEW_OPERATION);
    expect(resolved.paths["/accounts/{user_id}/faxes"]?.get?.parameters?.map((p) => p.name)).toContain(NEW_QUERY_PARAMETER);
    // 01-bulk-update-faxes.yaml's first action, still applied
    expect(resolved.components.schemas.BulkFaxUpdateRequest?.properties?.ids?.items?.maxLength).toBe(32);
    const check = await run(process.execPath, ["packages/codegen/bin/faxkit-codegen.js", "check"], clone.dir);
    expect(check.code, check.output).toBe(0);
  });

  describe("the classified diff", () => {
    let changes: SpecChange[];
    beforeAll(() => {
      changes = codegen.diffSpecs(oldResolved, clone.json("openapi/dist/faxplus.resolved.json"));
    });

    test("has the three changes: two additions (minor by semver) and a description (patch)", () => {
      expect(changes).toHaveLength(3);
      expect(changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ operationId: NEW_OPERATION, bump: "minor" }),
          expect.objectContaining({ operationId: "listFaxes", bump: "minor", message: expect.stringContaining(NEW_QUERY_PARAMETER) }),
          expect.objectContaining({ operationId: REDESCRIBED_OPERATION, bump: "patch" }),
        ]),
      );
    });

    test("is printed as renderDiffReport renders it, after the steps", () => {
      const report = codegen.renderDiffReport(changes, { oldVersion: specVersion(currentSpec), newVersion: "3.5.0" }).trim();
      expect(result.stdout).toContain(report);
      expect(result.stdout).toContain("type check:");
      expect(result.stdout).toContain(`wrote ${CHANGESET} and openapi/spec-lock.json`);
    });

    test(`${CHANGESET} names each affected package at its bump under the 0.x policy, and holds the report`, () => {
      const text = clone.read(CHANGESET);
      const expected: Record<string, string> = {};
      for (const [name, bump] of Object.entries(codegen.bumpsByPackage(changes)))
        expected[name] = policy(bump, versionsBefore[name] ?? "0.0.0");
      expect(frontMatter(text)).toEqual(expected);
      expect(Object.keys(expected)).toEqual(
        expect.arrayContaining(["@faxkit/types", "@faxkit/validator", "@faxkit/mock", "@faxkit/client"]),
      );
      expect(Object.keys(expected)).not.toContain("@faxkit/codegen");
      if (versionsBefore["@faxkit/types"]?.startsWith("0.")) expect(Object.values(expected)).toEqual(["patch", "patch", "patch", "patch"]);

      const body = text.slice(text.indexOf("\n---\n") + 5).trim();
      expect(body.split("\n")[0]).toBe(
        `Fax.Plus REST API spec 3.5.0 (from ${specVersion(currentSpec)}): 3 changes (2 additive, 1 patch-level).` +
          (versionsBefore["@faxkit/types"]?.startsWith("0.")
            ? " The levels below are semver's; while the packages are 0.x, a breaking change is released as a minor and any other change as a patch."
            : ""),
      );
      expect(body).toContain(codegen.renderDiffReport(changes, { oldVersion: specVersion(currentSpec), newVersion: "3.5.0" }).trim());
      expect(body).not.toContain("info.version");
    });
  });

  test("records openapi/spec-lock.json: 3.5.0, the new file's hash, the overlays unchanged, the changeset; the guard passes", async () => {
    const lock = clone.json<Lock>("openapi/spec-lock.json");
    expect(lock.specVersion).toBe("3.5.0");
    expect(lock.spec).toEqual({ path: "openapi/faxplus.yaml", sha256: sha256(newSpec) });
    expect(lock.overlays).toEqual(lockBefore.overlays);
    expect(lock.changeset).toBe(CHANGESET);
    const guard = await clone.guard();
    expect(guard.code, guard.output).toBe(0);
  });
});

describe("then changeset version", () => {
  let version: RunResult;
  let releases: Record<string, string>;
  beforeAll(async () => {
    releases = frontMatter(clone.read(CHANGESET));
    version = await clone.changeset("version");
  });

  test("consumes the changeset", () => {
    expect(version.code, version.output).toBe(0);
    expect(clone.exists(CHANGESET)).toBe(false);
  });

  test("bumps the fixed group to one version, the client on its own, codegen not at all", () => {
    const groupBump = FIXED_GROUP.map((name) => releases[name] as Bump | undefined)
      .filter((bump): bump is Bump => bump !== undefined)
      .reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
    const group = nextVersion(versionsBefore["@faxkit/types"] ?? "", groupBump);
    for (const name of FIXED_GROUP)
      expect(clone.json<{ version: string }>(`${PUBLISHED_DIRS[name]}/package.json`).version, name).toBe(group);
    expect(clone.json<{ version: string }>("packages/client/package.json").version).toBe(
      nextVersion(versionsBefore["@faxkit/client"] ?? "", (releases["@faxkit/client"] as Bump | undefined) ?? "patch"),
    );
    expect(clone.json<{ version: string }>("packages/codegen/package.json").version).toBe(versionsBefore["@faxkit/codegen"]);
    // The private spec package is never versioned by changesets.
    expect(clone.json<{ version: string }>("openapi/package.json").version).toBe(specVersion(currentSpec));
  });

  test("writes the report into the CHANGELOG of every released package; dependents say 'Updated dependencies'", () => {
    for (const name of [...FIXED_GROUP, "@faxkit/client"]) {
      const changelog = clone.read(`${PUBLISHED_DIRS[name]}/CHANGELOG.md`);
      const released = clone.json<{ version: string }>(`${PUBLISHED_DIRS[name]}/package.json`).version;
      expect(changelog, name).toContain(`## ${released}`);
      expect(changelog, name).toContain("### Patch Changes");
      expect(changelog, name).toContain(`- Fax.Plus REST API spec 3.5.0 (from ${specVersion(currentSpec)})`);
      expect(changelog, name).toContain(NEW_OPERATION);
      expect(changelog, name).toContain(NEW_QUERY_PARAMETER);
    }
    expect(clone.read("packages/client/CHANGELOG.md")).toMatch(/Updated dependencies\n {2}- @faxkit\/types@/);
    expect(clone.read("packages/validator/CHANGELOG.md")).toMatch(/Updated dependencies\n {2}- @faxkit\/types@/);
    expect(clone.exists("packages/codegen/CHANGELOG.md")).toBe(false);
    expect(clone.exists("openapi/CHANGELOG.md")).toBe(false);
    expect(clone.exists(join("tests", "spec-update", "CHANGELOG.md"))).toBe(false);
  });

  test("the guard still passes once the recorded changeset is consumed", async () => {
    const guard = await clone.guard();
    expect(guard.code, guard.output).toBe(0);
  });
});
