// `changeset status` and `changeset version` on a temporary copy of the repository, checked
// against the policy in .changeset/README.md: @faxkit/types, validator and mock are one
// `fixed` group; client and codegen version on their own; a package that depends on a bumped
// one gets a patch ("Updated dependencies"); private packages are never versioned.
import { readdirSync } from "node:fs";
import { afterEach, describe, expect, test } from "vitest";
import {
  bumpVersion,
  changelogSection,
  FIXED_GROUP,
  nextFixedVersion,
  originalVersion,
  PUBLIC_PACKAGES,
  versionsAfter,
} from "./helpers/expect.js";
import { RepoCopy, workspacePackages } from "./helpers/repo-copy.js";

const copies: RepoCopy[] = [];
async function newCopy(options?: { branch?: string }): Promise<RepoCopy> {
  const copy = await RepoCopy.create(options);
  copies.push(copy);
  return copy;
}
afterEach(() => {
  for (const copy of copies.splice(0)) copy.remove();
});

/** Runs `changeset version` and checks what must hold after any run: see the policy. */
async function version(copy: RepoCopy): Promise<void> {
  const manifestsBefore = copy.packages.map((pkg) => copy.manifest(pkg.dir));
  const lockfileBefore = copy.read("pnpm-lock.yaml");
  const result = await copy.changeset("version");
  expect(result.code, result.output).toBe(0);

  // Only `version` fields change: `workspace:*` and every other range stay as written.
  copy.packages.forEach((pkg, i) => {
    expect({ ...copy.manifest(pkg.dir), version: undefined }, pkg.name).toEqual({ ...manifestsBefore[i], version: undefined });
  });
  // Private packages get no version and no CHANGELOG.
  for (const pkg of copy.packages.filter((p) => p.private)) {
    expect(copy.manifest(pkg.dir).version, pkg.name).toBe(pkg.version);
    expect(copy.exists(`${pkg.dir}/CHANGELOG.md`), `${pkg.name} CHANGELOG.md`).toBe(false);
  }
  // The changesets are consumed; the lockfile is untouched (workspace:* needs no re-lock).
  expect(readdirSync(copy.path(".changeset")).sort()).toEqual(["README.md", "config.json"]);
  expect(copy.read("pnpm-lock.yaml")).toBe(lockfileBefore);
}

function changelog(copy: RepoCopy, name: string): string {
  return copy.read(`${copy.packageDir(name)}/CHANGELOG.md`);
}

function readOptional(copy: RepoCopy, file: string): string | undefined {
  return copy.exists(file) ? copy.read(file) : undefined;
}

test("the workspace publishes exactly the five @faxkit packages; the rest are private", async () => {
  const packages = await workspacePackages();
  expect(packages.filter((pkg) => !pkg.private).map((pkg) => pkg.name)).toEqual(PUBLIC_PACKAGES);
  const privateNames = packages.filter((pkg) => pkg.private).map((pkg) => pkg.name);
  expect(privateNames).toEqual(
    expect.arrayContaining(["@faxkit/spec", "@faxkit/contract-tests", "@faxkit/release-tests", "@faxkit/examples"]),
  );
});

/** The CLI's version after a release of client or the group: a patch ("Updated dependencies"). */
function cliPatch(copy: RepoCopy): string {
  return bumpVersion(originalVersion(copy, "@faxkit/cli"), "patch");
}

/** Every version after a release of the group: the group at `group`, client at `client`, the CLI patched, the rest as they were. */
function afterGroupRelease(copy: RepoCopy, group: string, client: string): Record<string, string> {
  const versions = { "@faxkit/types": group, "@faxkit/validator": group, "@faxkit/mock": group, "@faxkit/client": client };
  return versionsAfter(copy, { ...versions, "@faxkit/cli": cliPatch(copy) });
}

test("changeset status with no changesets: nothing to bump, exit 0", async () => {
  const copy = await newCopy();
  const result = await copy.changeset("status");
  expect(result.code, result.output).toBe(0);
  for (const bump of ["patch", "minor", "major"]) expect(result.output).toContain(`NO packages to be bumped at ${bump}`);
});

describe("a minor on @faxkit/types and a patch on @faxkit/client", () => {
  async function prepare(): Promise<RepoCopy> {
    const copy = await newCopy();
    copy.addChangeset("types-minor", { "@faxkit/types": "minor" }, "types: the new `listArchives` operation.");
    copy.addChangeset("client-patch", { "@faxkit/client": "patch" }, "client: retries honour `Retry-After` in seconds.");
    return copy;
  }

  test("changeset status: the fixed group at minor, client at patch, nothing else", async () => {
    const copy = await prepare();
    const group = nextFixedVersion(copy, "minor");
    const client = bumpVersion(originalVersion(copy, "@faxkit/client"), "patch");

    const verbose = await copy.changeset("status", "--verbose");
    expect(verbose.code, verbose.output).toBe(0);
    expect(verbose.output).toContain("Packages to be bumped at patch");
    expect(verbose.output).toContain(`- @faxkit/client ${client}`);
    expect(verbose.output).toContain(".changeset/client-patch.md");
    expect(verbose.output).toContain("Packages to be bumped at minor");
    for (const name of FIXED_GROUP) expect(verbose.output).toContain(`- ${name} ${group}`);
    expect(verbose.output).toContain(".changeset/types-minor.md");
    expect(verbose.output).toContain("NO packages as a major");

    const json = await copy.changeset("status", "--output", "plan.json");
    expect(json.code, json.output).toBe(0);
    const plan = JSON.parse(copy.read("plan.json")) as {
      releases: { name: string; type: string; newVersion: string; changesets: string[] }[];
    };
    const releases = plan.releases
      .filter((release) => release.type !== "none")
      .map(({ name, type, newVersion, changesets }) => ({ name, type, newVersion, changesets }))
      .sort((a, b) => a.name.localeCompare(b.name));
    // Private packages that depend on the group appear as "none" releases: listed, never bumped.
    for (const release of plan.releases.filter((r) => r.type === "none")) {
      expect(copy.packages.find((pkg) => pkg.name === release.name)?.private, release.name).toBe(true);
      expect(release.newVersion, release.name).toBe(originalVersion(copy, release.name));
    }
    expect(releases).toEqual([
      // The CLI depends on client and mock: it moves with them and says why.
      { name: "@faxkit/cli", type: "patch", newVersion: cliPatch(copy), changesets: [] },
      { name: "@faxkit/client", type: "patch", newVersion: client, changesets: ["client-patch"] },
      { name: "@faxkit/mock", type: "minor", newVersion: group, changesets: [] },
      { name: "@faxkit/types", type: "minor", newVersion: group, changesets: ["types-minor"] },
      { name: "@faxkit/validator", type: "minor", newVersion: group, changesets: [] },
    ]);
  });

  test("changeset version: bumps, CHANGELOG entries, dependents' 'Updated dependencies'", async () => {
    const copy = await prepare();
    const group = nextFixedVersion(copy, "minor");
    const client = bumpVersion(originalVersion(copy, "@faxkit/client"), "patch");
    const codegenLog = readOptional(copy, "packages/codegen/CHANGELOG.md");
    await version(copy);

    expect(copy.versions()).toEqual(afterGroupRelease(copy, group, client));
    expect(changelogSection(changelog(copy, "@faxkit/types"), group)).toBe(
      `## ${group}\n\n### Minor Changes\n\n- types: the new \`listArchives\` operation.`,
    );
    // validator depends on types: it moves with the group and says why.
    expect(changelogSection(changelog(copy, "@faxkit/validator"), group)).toBe(
      `## ${group}\n\n### Patch Changes\n\n- Updated dependencies\n  - @faxkit/types@${group}`,
    );
    // mock (its fake validates with the validator) depends on types and validator too: it moves and says why.
    expect(changelogSection(changelog(copy, "@faxkit/mock"), group)).toBe(
      `## ${group}\n\n### Patch Changes\n\n- Updated dependencies\n  - @faxkit/types@${group}\n  - @faxkit/validator@${group}`,
    );
    expect(changelogSection(changelog(copy, "@faxkit/client"), client)).toBe(
      `## ${client}\n\n### Patch Changes\n\n- client: retries honour \`Retry-After\` in seconds.\n- Updated dependencies\n  - @faxkit/types@${group}\n  - @faxkit/validator@${group}`,
    );
    expect(changelogSection(changelog(copy, "@faxkit/cli"), cliPatch(copy))).toBe(
      `## ${cliPatch(copy)}\n\n### Patch Changes\n\n- Updated dependencies\n  - @faxkit/client@${client}\n  - @faxkit/mock@${group}`,
    );
    expect(changelog(copy, "@faxkit/types").startsWith("# @faxkit/types\n")).toBe(true);
    // codegen had no changeset and depends on none of them: untouched.
    expect(readOptional(copy, "packages/codegen/CHANGELOG.md")).toBe(codegenLog);
    expect(copy.manifest("@faxkit/client").dependencies).toMatchObject({
      "@faxkit/types": "workspace:*",
      "@faxkit/validator": "workspace:*",
    });
  });
});

test("a minor on @faxkit/types alone still releases @faxkit/client (a patch: it pins the exact version)", async () => {
  const copy = await newCopy();
  const group = nextFixedVersion(copy, "minor");
  const client = bumpVersion(originalVersion(copy, "@faxkit/client"), "patch");
  copy.addChangeset("types-only", { "@faxkit/types": "minor" }, "types: a new schema alias.");
  await version(copy);

  expect(copy.versions()).toEqual(afterGroupRelease(copy, group, client));
  expect(changelogSection(changelog(copy, "@faxkit/client"), client)).toBe(
    `## ${client}\n\n### Patch Changes\n\n- Updated dependencies\n  - @faxkit/types@${group}\n  - @faxkit/validator@${group}`,
  );
});

test("a patch on @faxkit/mock moves the whole fixed group, and client with it", async () => {
  const copy = await newCopy();
  const group = nextFixedVersion(copy, "patch");
  const client = bumpVersion(originalVersion(copy, "@faxkit/client"), "patch");
  copy.addChangeset("mock-patch", { "@faxkit/mock": "patch" }, "mock: CORS preflight allows `Prefer`.");
  await version(copy);

  expect(copy.versions()).toEqual(afterGroupRelease(copy, group, client));
  expect(changelogSection(changelog(copy, "@faxkit/mock"), group)).toBe(
    `## ${group}\n\n### Patch Changes\n\n- mock: CORS preflight allows \`Prefer\`.\n  - @faxkit/types@${group}\n  - @faxkit/validator@${group}`,
  );
  expect(changelogSection(changelog(copy, "@faxkit/types"), group)).toBe(`## ${group}`);
});

test("a major on @faxkit/validator: the group goes major together, client (a plain dependent) gets a patch", async () => {
  const copy = await newCopy();
  const group = nextFixedVersion(copy, "major");
  const client = bumpVersion(originalVersion(copy, "@faxkit/client"), "patch");
  copy.addChangeset("validator-major", { "@faxkit/validator": "major" }, "validator: `assert` throws `ValidationError` only.");
  await version(copy);

  expect(copy.versions()).toEqual(afterGroupRelease(copy, group, client));
  // With a changeset of its own, the default changelog lists the dependency without "Updated dependencies".
  expect(changelogSection(changelog(copy, "@faxkit/validator"), group)).toBe(
    `## ${group}\n\n### Major Changes\n\n- validator: \`assert\` throws \`ValidationError\` only.\n\n### Patch Changes\n\n- @faxkit/types@${group}`,
  );
});

test("a minor on @faxkit/codegen bumps codegen only (validator has it as a devDependency)", async () => {
  const copy = await newCopy();
  const codegen = bumpVersion(originalVersion(copy, "@faxkit/codegen"), "minor");
  copy.addChangeset("codegen-minor", { "@faxkit/codegen": "minor" }, "codegen: `check` names stale files.");
  const others = [...FIXED_GROUP, "@faxkit/client"].map((name) => `${copy.packageDir(name)}/CHANGELOG.md`);
  const logsBefore = others.map((file) => readOptional(copy, file));
  await version(copy);

  expect(copy.versions()).toEqual(versionsAfter(copy, { "@faxkit/codegen": codegen }));
  expect(changelogSection(changelog(copy, "@faxkit/codegen"), codegen)).toBe(
    `## ${codegen}\n\n### Minor Changes\n\n- codegen: \`check\` names stale files.`,
  );
  expect(others.map((file) => readOptional(copy, file))).toEqual(logsBefore);
});

test("a changeset naming only a private package is never consumed; one mixing private and public is an error", async () => {
  const copy = await newCopy();
  copy.addChangeset("spec-only", { "@faxkit/spec": "minor" }, "spec: vendor 3.5.0.");
  const before = copy.versions();
  const result = await copy.changeset("version");
  expect(result.code, result.output).toBe(0);
  expect(copy.versions()).toEqual(before);
  expect(copy.exists(".changeset/spec-only.md")).toBe(true); // left behind: pnpm release names it

  copy.addChangeset("mixed", { "@faxkit/spec": "minor", "@faxkit/types": "minor" }, "spec and types.");
  const mixed = await copy.changeset("version");
  expect(mixed.code).toBe(1);
  expect(mixed.output).toContain("Mixed changesets that contain both ignored and not ignored packages are not allowed");
  expect(copy.versions()).toEqual(before);
});

test("pitfall: changeset status needs a local branch named like baseBranch (main)", async () => {
  const copy = await newCopy({ branch: "trunk" });
  const result = await copy.changeset("status");
  expect(result.code).toBe(1);
  expect(result.output).toContain('Failed to find where HEAD diverged from "main"');
});
