#!/usr/bin/env node
// `pnpm release [--dry-run]`: publishes the public @faxkit/* packages at the versions in their
// package.json files. The versions and CHANGELOGs come from `pnpm changeset version`, run and
// committed beforehand; this script never bumps anything. Steps:
//   1. refuse while `.changeset/` holds unconsumed changesets (both modes): the versions on disk
//      are not the ones those changesets ask for;
//   2. refuse a real publish from a working tree with uncommitted changes (a dry run only warns);
//   3. `pnpm build`, then `pnpm test` (the whole suite, as CI runs it);
//   4. print the public packages and their versions, then
//      real:    `changeset publish` (pnpm publish for each version not yet on the registry,
//               `workspace:*` written as the exact version, `--access public`, git tags);
//      dry run: `pnpm -r publish --dry-run --no-git-checks --access public`, which packs every
//               package and uploads nothing. It does read the registry: one GET of each public
//               package's metadata, to skip versions that are already published.
// Options:
//   --dry-run              publish nothing (see above).
//   --skip-build-and-test  with --dry-run only: skip step 3. For tests/release, which runs this
//                          script on a copy of the repository and must not run the suite again.
//   --registry <url>       the registry to read (dry run) or publish to, instead of the configured
//                          one. tests/release points it at a fake registry on loopback.
// Exit codes: 0 done, 1 refused or a step failed, 2 bad arguments.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const usage = "usage: pnpm release [--dry-run] [--skip-build-and-test] [--registry <url>]";

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      "dry-run": { type: "boolean", default: false },
      "skip-build-and-test": { type: "boolean", default: false },
      registry: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  }));
} catch (error) {
  console.error(`release: ${error.message}\n${usage}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}
const dryRun = options["dry-run"];
if (options["skip-build-and-test"] && !dryRun) {
  console.error(`release: --skip-build-and-test is only allowed with --dry-run: a real release is always built and tested.\n${usage}`);
  process.exit(2);
}

// pnpm reads `pnpm_config_*` from the environment, npm (which `changeset publish` uses for
// `npm info`) reads `npm_config_*`.
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
if (options.registry) Object.assign(env, { pnpm_config_registry: options.registry, npm_config_registry: options.registry });

function run(command, args, { capture = false } = {}) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: "utf8", stdio: capture ? "pipe" : "inherit" });
  if (result.error) {
    console.error(`release: could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  return result;
}

function refuse(message) {
  console.error(`\nrelease: refused. ${message}`);
  process.exit(1);
}

// The workspace as pnpm sees it (reads pnpm-workspace.yaml and the package.json files only).
const listed = run("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { capture: true });
if (listed.status !== 0) refuse(`\`pnpm ls -r\` failed:\n${listed.stderr || listed.stdout}`);
const workspace = JSON.parse(listed.stdout).filter((pkg) => pkg.path !== root.replace(/\/$/, ""));
const published = workspace.filter((pkg) => !pkg.private).sort((a, b) => a.name.localeCompare(b.name));
const versioned = new Set(published.map((pkg) => pkg.name));

// 1. Unconsumed changesets. The front matter is YAML, one `"package": bump` line per package.
const pending = readdirSync(join(root, ".changeset"))
  .filter((file) => file.endsWith(".md") && file !== "README.md")
  .sort()
  .map((file) => {
    const text = readFileSync(join(root, ".changeset", file), "utf8");
    const frontMatter = /^---\r?\n([\s\S]*?)^---/m.exec(text)?.[1] ?? "";
    const bumps = [...frontMatter.matchAll(/^\s*(["']?)(.+?)\1\s*:\s*(\w+)\s*$/gm)].map(([, , name, bump]) => ({ name, bump }));
    return { file, bumps };
  });
if (pending.length > 0) {
  const lines = pending.map(
    ({ file, bumps }) => `  .changeset/${file}: ${bumps.map((b) => `${b.name} ${b.bump}`).join(", ") || "(no packages)"}`,
  );
  const stuck = pending.filter(({ bumps }) => bumps.length > 0 && bumps.every((b) => !versioned.has(b.name)));
  const advice = [
    "Run `pnpm changeset version`, review and commit the new versions and CHANGELOGs, then release.",
    ...(stuck.length > 0
      ? [
          `${stuck.map((c) => `.changeset/${c.file}`).join(", ")} names only packages that are never versioned (private or unknown):` +
            " `changeset version` leaves it in place, so delete it or name a published package.",
        ]
      : []),
  ];
  refuse(`${pending.length} unconsumed changeset(s):\n${lines.join("\n")}\n${advice.join("\n")}`);
}

// 2. A real release publishes a commit, not a working tree.
const status = run("git", ["status", "--porcelain"], { capture: true });
const dirty = status.status !== 0 ? "(not a git work tree)" : status.stdout.trim();
if (dirty && !dryRun) refuse(`the working tree has uncommitted changes; commit them first:\n${dirty}`);
if (dirty) console.warn(`release: warning: uncommitted changes (a real release would refuse):\n${dirty}`);

// 3. Build and test.
if (options["skip-build-and-test"]) {
  console.log("\nrelease: build and tests skipped (--skip-build-and-test)");
} else {
  for (const script of ["build", "test"]) {
    console.log(`\n▸ pnpm ${script}`);
    const result = run("pnpm", [script]);
    if (result.status !== 0) refuse(`\`pnpm ${script}\` failed (exit ${result.status ?? result.signal}).`);
  }
}

// 4. Publish.
console.log(
  `\nrelease: ${dryRun ? "would publish" : "publishing"} ${published.length} public packages (versions already on the registry are skipped):`,
);
for (const pkg of published) console.log(`  ${pkg.name}@${pkg.version}`);
console.log(`not published (private): ${workspace.filter((pkg) => pkg.private).length} packages`);

const registry = options.registry ? ["--registry", options.registry] : [];
if (dryRun) {
  console.log(`\n▸ pnpm -r publish --dry-run --no-git-checks --access public ${registry.join(" ")}`.trimEnd());
  const result = run("pnpm", ["-r", "publish", "--dry-run", "--no-git-checks", "--access", "public", ...registry], { capture: true });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) refuse(`\`pnpm -r publish --dry-run\` failed (exit ${result.status ?? result.signal}).`);
  const wouldPublish = [...`${result.stdout}\n${result.stderr}`.matchAll(/Skip publishing (\S+)@(\S+) \(dry run\)/g)].map(
    ([, name, version]) => ({
      name,
      version,
    }),
  );
  const skipped = published.filter((pkg) => !wouldPublish.some((p) => p.name === pkg.name));
  console.log(
    `\nrelease: dry run, nothing published. Would publish ${wouldPublish.length}: ${wouldPublish.map((p) => `${p.name}@${p.version}`).join(", ")}`,
  );
  if (skipped.length > 0)
    console.log(`already on the registry at this version: ${skipped.map((p) => `${p.name}@${p.version}`).join(", ")}`);
} else {
  console.log("\n▸ changeset publish");
  const result = run("pnpm", ["exec", "changeset", "publish"]);
  if (result.status !== 0) refuse(`\`changeset publish\` failed (exit ${result.status ?? result.signal}).`);
  console.log("\nrelease: published. Push the new tags: git push --follow-tags");
}
