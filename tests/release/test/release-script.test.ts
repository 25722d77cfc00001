// `pnpm release` (scripts/release.mjs, a shim for the codegen's releaseCommand) on a temporary copy
// of the repository, against a fake registry on loopback. Dry runs pass --skip-build-and-test so
// that the suite does not run itself again; a real release cannot skip them, and is only ever run
// here to see it refuse.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { FIXED_GROUP, nextFixedVersion, PUBLIC_PACKAGES } from "./helpers/expect.js";
import { type FakeRegistry, startFakeRegistry } from "./helpers/fake-registry.js";
import { RepoCopy, TURBO_CALLS } from "./helpers/repo-copy.js";

let registry: FakeRegistry;
beforeAll(async () => {
  registry = await startFakeRegistry();
});
afterAll(async () => {
  await registry?.close();
});

const copies: RepoCopy[] = [];
async function newCopy(): Promise<RepoCopy> {
  const copy = await RepoCopy.create();
  copies.push(copy);
  registry.reset();
  return copy;
}
afterEach(() => {
  for (const copy of copies.splice(0)) copy.remove();
});

const dryRun = ["--dry-run", "--skip-build-and-test"];

/** The names in the script's closing "Would publish N: a@1, b@2" line. */
function wouldPublish(output: string): string[] {
  const line = /Would publish \d+: (.*)$/m.exec(output)?.[1] ?? "";
  return line
    .split(", ")
    .filter(Boolean)
    .map((spec) => spec.replace(/@[^@]+$/, ""))
    .sort();
}

/** The metadata GETs pnpm makes to skip versions already published: one per public package. */
const metadataGets = PUBLIC_PACKAGES.map((name) => ({ method: "GET", url: `/${name.replace("/", "%2F")}` }));

test("pnpm release --dry-run lists the five public packages, publishes nothing and only reads the registry", async () => {
  const copy = await newCopy();
  const versions = copy.versions();
  const result = await copy.release([...dryRun, "--registry", registry.url], registry.url);
  expect(result.code, result.output).toBe(0);

  expect(result.output).toContain("build and tests skipped (--skip-build-and-test)");
  for (const name of PUBLIC_PACKAGES) {
    expect(result.output).toContain(`  ${name}@${versions[name]}`);
    expect(result.output).toContain(`Skip publishing ${name}@${versions[name]} (dry run)`);
  }
  expect(wouldPublish(result.output)).toEqual(PUBLIC_PACKAGES);
  expect(result.output).toContain("dry run, nothing published");
  for (const pkg of copy.packages.filter((p) => p.private)) expect(result.output).not.toContain(`${pkg.name}@`);

  // Reads only: one metadata GET per public package, no PUT.
  expect([...registry.requests].sort((a, b) => a.url.localeCompare(b.url))).toEqual(metadataGets);
  // Nothing in the copy changed (no tarballs left, no version touched, lockfile as copied).
  expect(await copy.status()).toBe("");
});

test("pnpm release builds the codegen it runs first, and stops when that build fails", async () => {
  const copy = await newCopy();
  const result = await copy.release([...dryRun, "--registry", registry.url], registry.url);
  expect(result.code, result.output).toBe(0);
  expect(copy.read(TURBO_CALLS)).toBe("run build --filter=@faxkit/codegen --output-logs=errors-only\n");

  registry.reset();
  copy.write("node_modules/.bin/turbo", "#!/bin/sh\necho 'tsup: src/index.ts: syntax error' >&2\nexit 1\n");
  const broken = await copy.release([...dryRun, "--registry", registry.url], registry.url);
  expect(broken.code).toBe(1);
  expect(broken.output).toContain("building @faxkit/codegen failed:");
  expect(broken.output).toContain("tsup: src/index.ts: syntax error");
  expect(broken.output).not.toContain("would publish");
  expect(registry.requests).toEqual([]);
});

test("after changeset version and a commit, the dry run lists the new versions", async () => {
  const copy = await newCopy();
  copy.addChangeset("types-minor", { "@faxkit/types": "minor" }, "types: new operation.");
  expect((await copy.changeset("version")).code).toBe(0);
  await copy.commit("Version Packages");
  const versions = copy.versions();
  const group = nextFixedVersion(copy, "minor");
  for (const name of FIXED_GROUP) expect(versions[name]).toBe(group);

  const result = await copy.release([...dryRun, "--registry", registry.url], registry.url);
  expect(result.code, result.output).toBe(0);
  for (const name of PUBLIC_PACKAGES) expect(result.output).toContain(`Skip publishing ${name}@${versions[name]} (dry run)`);
  expect(result.output).toContain(`@faxkit/types@${group}`);
});

test("versions already on the registry are skipped, and named", async () => {
  const copy = await newCopy();
  const versions = copy.versions();
  registry.published.set("@faxkit/codegen", [versions["@faxkit/codegen"] ?? ""]);
  const result = await copy.release([...dryRun, "--registry", registry.url], registry.url);
  expect(result.code, result.output).toBe(0);
  expect(wouldPublish(result.output)).toEqual(PUBLIC_PACKAGES.filter((name) => name !== "@faxkit/codegen"));
  expect(result.output).toContain(`already on the registry at this version: @faxkit/codegen@${versions["@faxkit/codegen"]}`);
  expect(registry.requests.every((request) => request.method === "GET")).toBe(true);
});

test("refuses while unconsumed changesets exist, dry run or real, before building and before any registry request", async () => {
  const copy = await newCopy();
  copy.addChangeset("types-minor", { "@faxkit/types": "minor" }, "types: new operation.");
  await copy.commit("a changeset");

  for (const args of [dryRun, []]) {
    const result = await copy.release([...args, "--registry", registry.url], registry.url);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain("release: refused. 1 unconsumed changeset(s):");
    expect(result.output).toContain(".changeset/types-minor.md: @faxkit/types minor");
    expect(result.output).toContain("Run `pnpm changeset version`");
    expect(result.output).not.toContain("▸ pnpm build");
    expect(result.output).not.toMatch(/▸ (pnpm -r publish|changeset publish)/);
  }
  expect(registry.requests).toEqual([]);
  expect(await copy.status()).toBe("");
});

test("names a changeset that changeset version will never consume (private packages only)", async () => {
  const copy = await newCopy();
  copy.addChangeset("spec-only", { "@faxkit/spec": "minor" }, "spec: vendor 3.5.0.");
  await copy.commit("a changeset for a private package");
  const result = await copy.release([...dryRun, "--registry", registry.url], registry.url);
  expect(result.code, result.output).toBe(1);
  expect(result.output).toContain(".changeset/spec-only.md names only packages that are never versioned (private or unknown)");
  expect(registry.requests).toEqual([]);
});

test("a real release refuses uncommitted changes, before building", async () => {
  const copy = await newCopy();
  copy.write("packages/types/README.md", "work in progress\n");
  const result = await copy.release(["--registry", registry.url], registry.url);
  expect(result.code, result.output).toBe(1);
  expect(result.output).toContain("release: refused. the working tree has uncommitted changes");
  expect(result.output).toContain("?? packages/types/README.md");
  expect(result.output).not.toContain("▸ pnpm build");
  expect(registry.requests).toEqual([]);

  // A dry run only warns.
  const dry = await copy.release([...dryRun, "--registry", registry.url], registry.url);
  expect(dry.code, dry.output).toBe(0);
  expect(dry.output).toContain("warning: uncommitted changes (a real release would refuse)");
});

test("--skip-build-and-test without --dry-run, and unknown options, exit 2 before doing anything", async () => {
  const copy = await newCopy();
  const skip = await copy.release(["--skip-build-and-test", "--registry", registry.url], registry.url);
  expect(skip.code).toBe(2);
  expect(skip.output).toContain("--skip-build-and-test is only allowed with --dry-run");

  const unknown = await copy.release(["--dry-run", "--force"], registry.url);
  expect(unknown.code).toBe(2);
  expect(unknown.output).toContain("usage: faxkit-codegen release [--dry-run] [--skip-build-and-test] [--registry <url>]");

  const notUrl = await copy.release(["--dry-run", "--registry", "ftp://me:s3cret@registry.example/"], registry.url);
  expect(notUrl.code).toBe(2);
  expect(notUrl.output).toContain("--registry must be an http(s) URL");
  // pnpm echoes the command line as typed ("$ node scripts/release.mjs …"); nothing the release prints repeats the token.
  expect(notUrl.output.split("\n").filter((line) => !line.startsWith("$ "))).not.toContainEqual(expect.stringContaining("s3cret"));
  expect(registry.requests).toEqual([]);
});
