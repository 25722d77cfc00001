#!/usr/bin/env node
// `pnpm spec:update <file> [--dry-run] [--allow-same-version] [--skip-typecheck]`: takes a new
// Fax.Plus spec release. Steps:
//   1. build @faxkit/codegen (turbo; a cache hit when it is current) and import it from
//      packages/codegen/dist;
//   2. run codegen's whole pipeline on the new file with the overlays, into a temporary folder:
//      a file that does not parse or is not OpenAPI gets codegen's own error, printed as is (when
//      the overlays fail, the file is run once more without them, so that a broken spec is
//      reported as such); an overlay whose target vanished is named with its file and action;
//   3. diff the resolved specs, old (`openapi/dist/faxplus.resolved.json`) against new, with
//      `diffSpecs` (operations, parameters, schemas; `info.version` ignored);
//   4. replace `openapi/faxplus.yaml` with the new file's bytes as published, regenerate every
//      output (`generate`), and type-check the shipped code against it (below);
//   5. write `.changeset/spec-<info.version>.md` (one bump per affected package, the report
//      grouped by operation as its text) and `openapi/spec-lock.json`, and print the report.
// Nothing is changed unless every step succeeds: steps 1-3 write only to a temporary folder, and
// from step 4 on every file the script touches is snapshotted first and restored on any failure,
// on Ctrl-C, and at the end of a dry run. SIGINT and SIGTERM are handled from the first step on,
// so an interrupted run leaves no temporary folder behind either.
//
// Decisions:
//   - Same file (byte-identical), or a file whose resolved spec has no change and the same
//     info.version (only comments or formatting differ): "nothing to do", exit 0, nothing changed.
//     A spec whose only change is info.version is an update (specInfo.version is published): a
//     patch for @faxkit/types.
//   - Content changed but info.version did not: refused (exit 1) unless --allow-same-version,
//     because the vendor's version would no longer name one spec, and the changeset name
//     `spec-<version>` would be taken. With the flag the changeset says so.
//   - Bumps: diffSpecs classifies by semver (breaking = major, addition = minor). While a package
//     is 0.x, .changeset/README.md moves each one down: breaking → minor, addition or fix → patch.
//     Every affected package is listed with its own bump (changesets releases the fixed group
//     types/validator/mock at the highest); @faxkit/types is always listed, since every update
//     changes what it publishes (at least `specInfo.version`).
//   - Type check: one `tsc --noEmit` over the shipped code built from the spec, i.e. `src/` of the
//     published packages other than codegen (types, validator, client, mock) and the quickstart
//     (examples/*.ts), with `@faxkit/*` imports mapped to their `src/`, so nothing needs building
//     (about 6 s; `pnpm typecheck` builds every package and takes minutes on a cold cache). Tests
//     are left out on purpose: `pnpm test` runs them. Only openapi/test/vendor-spec.test.ts pins
//     facts of the published spec (its version, its operation count) and is updated with it; the
//     other tests read the count and version from the resolved spec. A type error: the tsc output
//     is printed after the report and the release it would have made, everything is restored, exit 1. `--skip-typecheck` applies the spec anyway, for
//     fixing the hand-written code against the new generated code afterwards.
//   - --dry-run does every step, type check included, prints the report and the changeset it
//     would write, then restores every file it touched.
// Exit codes: 0 updated (or nothing to do), 1 refused or failed (nothing changed), 2 bad arguments.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { constants as osConstants, tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { compareLock, computeLock, defaultRoot, LOCK_FILE, readLock, SPEC_PACKAGE, writeLock } from "./spec-guard.mjs";

const USAGE = "usage: pnpm spec:update <file> [--dry-run] [--allow-same-version] [--skip-typecheck]";
const CONFIG_FILE = "faxkit.config.json";

/** The fixed group of .changeset/config.json: released together, at one version. */
export const FIXED_GROUP = ["@faxkit/types", "@faxkit/validator", "@faxkit/mock"];
const RANK = { patch: 0, minor: 1, major: 2 };
const maxBump = (a, b) => (a === undefined || RANK[b] > RANK[a] ? b : a);

/**
 * The bump a package gets for a change of semver level `bump`, by the policy of
 * .changeset/README.md: while the package is 0.x, breaking (major) → minor, additions and fixes → patch.
 */
export function policyBump(bump, currentVersion) {
  if (!/^0\./.test(currentVersion ?? "")) return bump;
  return bump === "major" ? "minor" : "patch";
}

/**
 * The changeset's releases: each package `bumpsByPackage` names, at its policy bump, in that
 * order; @faxkit/types added (at the group's highest bump) when absent.
 */
export function changesetReleases(semverBumps, versions) {
  const releases = {};
  for (const [name, bump] of Object.entries(semverBumps)) releases[name] = policyBump(bump, versions[name]);
  if (releases[SPEC_PACKAGE] === undefined) {
    let group;
    for (const name of FIXED_GROUP) if (releases[name] !== undefined) group = maxBump(group, releases[name]);
    return { [SPEC_PACKAGE]: group ?? "patch", ...releases };
  }
  return releases;
}

/** `.changeset/spec-<version>.md`, or `spec-<version>-2.md`, … when that name is taken. */
export function changesetFileName(version, taken) {
  const safe = String(version).replace(/[^A-Za-z0-9._-]+/g, "-");
  for (let n = 1; ; n++) {
    const file = `.changeset/spec-${safe}${n === 1 ? "" : `-${n}`}.md`;
    if (!taken(file)) return file;
  }
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line: how many changes of each kind (semver level, as diffSpecs classifies them). */
export function summarizeChanges(changes) {
  const count = (bump) => changes.filter((c) => c.bump === bump).length;
  const parts = [];
  if (count("major") > 0) parts.push(`${count("major")} breaking`);
  if (count("minor") > 0) parts.push(`${count("minor")} additive`);
  if (count("patch") > 0) parts.push(`${count("patch")} patch-level`);
  return `${plural(changes.length, "change")}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

/**
 * The changeset's text: front matter, one changelog line (the spec version; when the 0.x policy
 * lowered a bump, why the report's semver levels are higher than the release), the same-version
 * note, then the report.
 */
export function renderChangeset({ releases, semverBumps = {}, title = "Fax.Plus REST API", oldVersion, newVersion, changes, report }) {
  const frontMatter = Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`);
  const sameVersion = oldVersion === newVersion;
  let headline =
    changes.length === 0
      ? `${title} spec ${newVersion} (from ${oldVersion}): only \`info.version\` changed; no operation, parameter or schema did.`
      : `${title} spec ${sameVersion ? `${newVersion}, republished with changes` : `${newVersion} (from ${oldVersion})`}: ${summarizeChanges(changes)}.`;
  if (Object.entries(semverBumps).some(([name, bump]) => releases[name] !== undefined && releases[name] !== bump))
    headline +=
      " The levels below are semver's; while the packages are 0.x, a breaking change is released as a minor and any other change as a patch.";
  const body = [headline];
  if (sameVersion)
    body.push(
      `**Note:** Fax.Plus changed the spec without changing its \`info.version\` (still ${newVersion}); \`specInfo.version\` does not tell this spec from the previous one.`,
    );
  if (changes.length > 0) body.push(report.trim());
  return `---\n${frontMatter.join("\n")}\n---\n\n${body.join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------------------------

class Refusal extends Error {}

const toPosix = (path) => path.split(sep).join("/");

function workspaceVersions(root) {
  const versions = {};
  for (const name of readdirSync(join(root, "packages"))) {
    const file = join(root, "packages", name, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    versions[manifest.name] = manifest.version;
  }
  return versions;
}

/** Snapshot of files and folders (recursively) that can put every byte back. */
class Snapshot {
  constructor(root) {
    this.root = root;
    this.files = new Map(); // path → Buffer | null (did not exist)
    this.folders = [];
    this.restored = false;
  }
  addFile(path) {
    this.files.set(path, existsSync(path) ? readFileSync(path) : null);
  }
  addFolder(path) {
    this.folders.push(path);
    for (const file of walk(path)) this.files.set(file, readFileSync(file));
  }
  /** Puts every snapshotted file back and removes what appeared in the snapshotted folders; returns the paths it changed. */
  restore() {
    if (this.restored) return [];
    this.restored = true;
    const changed = [];
    for (const folder of this.folders)
      for (const file of walk(folder))
        if (!this.files.has(file)) {
          unlinkSync(file);
          changed.push(file);
        }
    for (const [path, bytes] of this.files) {
      const now = existsSync(path) ? readFileSync(path) : null;
      if (bytes === null) {
        if (now !== null) {
          unlinkSync(path);
          changed.push(path);
        }
      } else if (now === null || !now.equals(bytes)) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, bytes);
        changed.push(path);
      }
    }
    return changed;
  }
}

function walk(folder) {
  if (!existsSync(folder)) return [];
  const files = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function writeAtomic(path, bytes) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
}

/** Builds @faxkit/codegen (turbo: a cache hit when current) and imports its dist. */
async function loadCodegen(root, env) {
  const build = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--filter=@faxkit/codegen", "--output-logs=errors-only"], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Refusal(`building @faxkit/codegen failed:\n${build.stdout}${build.stderr}`);
  const codegen = await import(pathToFileURL(join(root, "packages/codegen/dist/index.js")).href);
  const needed = ["generate", "resolveConfig", "loadConfig", "CodegenError", "diffSpecs", "bumpsByPackage", "renderDiffReport"];
  const missing = needed.filter((name) => typeof codegen[name] !== "function");
  if (missing.length > 0)
    throw new Refusal(
      `packages/codegen/dist/index.js does not export ${missing.join(", ")}: this @faxkit/codegen is too old for spec:update.`,
    );
  return codegen;
}

/** Runs codegen's whole pipeline on `spec` into `folder` (a temporary root); returns the resolved spec. */
async function renderInto(codegen, rawConfig, config, spec, folder, { overlays }) {
  mkdirSync(folder, { recursive: true });
  const raw = {
    ...rawConfig,
    spec,
    overlays: overlays ? config.overlays : [],
    outputs: { types: "types", resolvedSpec: "resolved.json", ...(config.outputs.validators ? { validators: "validators" } : {}) },
  };
  const resolved = await codegen.resolveConfig(raw, join(folder, CONFIG_FILE));
  const result = await codegen.generate({ config: resolved });
  return { document: JSON.parse(readFileSync(join(folder, "resolved.json"), "utf8")), operationCount: result.operationCount };
}

/** Shipped code built from the spec: src/ of every published package but codegen, and the examples. */
function typecheckScope(root) {
  const packages = [];
  for (const name of readdirSync(join(root, "packages")).sort()) {
    const dir = join(root, "packages", name);
    const manifestFile = join(dir, "package.json");
    if (!existsSync(manifestFile) || !existsSync(join(dir, "src"))) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    if (manifest.private || manifest.name === "@faxkit/codegen") continue;
    packages.push({ name: manifest.name, dir });
  }
  const examples = existsSync(join(root, "examples"))
    ? readdirSync(join(root, "examples"))
        .filter((name) => name.endsWith(".ts") && !name.endsWith(".config.ts") && !name.endsWith(".test.ts"))
        .map((name) => join(root, "examples", name))
    : [];
  return { packages, examples };
}

function typecheck(root, work, env) {
  const { packages, examples } = typecheckScope(root);
  const paths = {};
  for (const pkg of packages) {
    paths[pkg.name] = [join(pkg.dir, "src/index.ts")];
    paths[`${pkg.name}/*`] = [join(pkg.dir, "src/*.ts")];
  }
  const requireFrom = (dir) => createRequire(join(dir, "package.json"));
  const typeRoots = [];
  for (const pkg of packages) {
    try {
      typeRoots.push(dirname(dirname(requireFrom(pkg.dir).resolve("@types/node/package.json"))));
      break;
    } catch {}
  }
  const tsconfig = {
    extends: join(root, "tsconfig.base.json"),
    compilerOptions: {
      noEmit: true,
      declaration: false,
      sourceMap: false,
      types: ["node"],
      ...(typeRoots.length ? { typeRoots } : {}),
      paths,
    },
    include: [...packages.map((pkg) => join(pkg.dir, "src")), ...examples],
  };
  const file = join(work, "tsconfig.typecheck.json");
  writeFileSync(file, JSON.stringify(tsconfig, null, 2));
  const tsc = requireFrom(root).resolve("typescript/bin/tsc");
  const started = performance.now();
  const result = spawnSync(process.execPath, [tsc, "-p", file, "--pretty", "false"], {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const scope = [...packages.map((pkg) => `${toPosix(relative(root, pkg.dir))}/src`), ...examples.map((f) => toPosix(relative(root, f)))];
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim(),
    signal: result.signal,
    scope,
    seconds: ((performance.now() - started) / 1000).toFixed(1),
  };
}

function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        "allow-same-version": { type: "boolean", default: false },
        "skip-typecheck": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return { error: error.message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1)
    return { error: positionals.length === 0 ? "the new spec file is missing." : "give exactly one spec file." };
  return {
    file: positionals[0],
    dryRun: values["dry-run"],
    allowSameVersion: values["allow-same-version"],
    skipTypecheck: values["skip-typecheck"],
  };
}

/** Where a relative <file> is resolved: the folder `pnpm spec:update` was run in (pnpm runs the script at the root). */
const invocationDir = () =>
  process.env.npm_lifecycle_event === "spec:update" && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();

export async function main(argv, { root = defaultRoot, cwd = invocationDir() } = {}) {
  const args = parse(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.error) {
    console.error(`spec:update: ${args.error}\n${USAGE}`);
    return 2;
  }
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
  const show = (path) => {
    const rel = relative(root, path);
    return rel.startsWith("..") || isAbsolute(rel) ? path : toPosix(rel);
  };
  const input = resolve(cwd, args.file);
  const log = (line = "") => console.log(line);
  const done = (line) => console.log(`  ✓ ${line}`);
  let work;
  let snapshot;
  const onSignal = (signal) => {
    const changed = snapshot?.restore() ?? [];
    console.error(
      `\nspec:update: interrupted (${signal}); ${changed.length > 0 ? `restored ${plural(changed.length, "file")}` : "nothing was changed"}.`,
    );
    if (work) rmSync(work, { recursive: true, force: true });
    process.exit(128 + (osConstants.signals[signal] ?? 2));
  };
  // Before anything is created: a signal at any step restores and cleans up.
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    if (!existsSync(input) || !statSync(input).isFile()) throw new Refusal(`cannot read ${args.file}: no such file.`);
    const newBytes = readFileSync(input);
    log(`spec:update: ${show(input)}${args.dryRun ? " (dry run: nothing will be changed)" : ""}`);

    const rawConfig = JSON.parse(readFileSync(join(root, CONFIG_FILE), "utf8"));
    if (existsSync(resolve(root, rawConfig.spec)) && readFileSync(resolve(root, rawConfig.spec)).equals(newBytes)) {
      log(`\nspec:update: nothing to do: ${show(input)} is byte-identical to ${show(resolve(root, rawConfig.spec))}. Nothing was changed.`);
      return 0;
    }

    const codegen = await loadCodegen(root, env);
    done("@faxkit/codegen built");
    const config = await codegen.loadConfig(join(root, CONFIG_FILE));
    if (!config.outputs.resolvedSpec)
      throw new Refusal(`${CONFIG_FILE} has no outputs.resolvedSpec, and spec:update diffs the resolved specs.`);
    const specFile = config.spec;

    // Steps 2-3: validate, apply the overlays and resolve into a temporary folder; diff.
    work = mkdtempSync(join(tmpdir(), "faxkit-spec-update-"));
    let rendered;
    try {
      rendered = await renderInto(codegen, rawConfig, config, input, join(work, "with-overlays"), { overlays: true });
    } catch (error) {
      if (!(error instanceof codegen.CodegenError)) throw error;
      if (config.overlays.length > 0) {
        // Is the file itself broken? Then say that, rather than what an overlay tripped over.
        try {
          await renderInto(codegen, rawConfig, config, input, join(work, "bare"), { overlays: false });
        } catch (bare) {
          if (bare instanceof codegen.CodegenError) throw new Refusal(bare.message);
          throw bare;
        }
      }
      if (error.code === "OVERLAY_TARGET_UNMATCHED" || error.code === "OVERLAY_INVALID")
        throw new Refusal(
          `${error.message}\nThe new spec is valid, but this overlay no longer applies to it: adapt or remove the overlay action, then run spec:update again.`,
        );
      if (config.overlays.length === 0) throw new Refusal(error.message);
      throw new Refusal(`${error.message}\n(with the overlays applied: ${config.overlays.map(show).join(", ")})`);
    }
    const newDoc = rendered.document;
    const title = newDoc.info?.title ?? "the spec";
    const newVersion = String(newDoc.info?.version);
    done(
      `${show(input)} parsed and validated; ${plural(config.overlays.length, "overlay")} applied; ${plural(rendered.operationCount, "operation")}`,
    );

    const oldResolvedFile = config.outputs.resolvedSpec;
    if (!existsSync(oldResolvedFile))
      throw new Refusal(
        `${show(oldResolvedFile)} is missing: it is the current resolved spec, which the new one is compared with. Run \`pnpm generate\` first.`,
      );
    const oldDoc = JSON.parse(readFileSync(oldResolvedFile, "utf8"));
    const oldVersion = String(oldDoc.info?.version);
    const changes = codegen.diffSpecs(oldDoc, newDoc);
    const report = changes.length > 0 ? codegen.renderDiffReport(changes, { oldVersion, newVersion }) : "";
    const sameVersion = oldVersion === newVersion;
    done(`compared with ${show(oldResolvedFile)} (${oldVersion}): ${summarizeChanges(changes)}`);

    if (changes.length === 0 && sameVersion) {
      log(
        `\nspec:update: nothing to do: ${show(input)} differs from ${show(specFile)} only in comments or formatting; the resolved spec is the same and so is info.version (${newVersion}). Nothing was changed.`,
      );
      return 0;
    }
    if (sameVersion && !args.allowSameVersion) {
      log(`\n${report.trim()}`);
      throw new Refusal(
        `${show(input)} changes the spec (${summarizeChanges(changes)}, above) but keeps info.version ${newVersion}, the version of the current spec. ` +
          "A vendor version should name one spec: check that this is the file you meant. To take it anyway, run again with --allow-same-version; the changeset will say that the version did not change.",
      );
    }
    if (sameVersion)
      log(`\nspec:update: warning: the content changed but info.version did not (still ${newVersion}); the changeset says so.`);

    const lock = (() => {
      try {
        return readLock(root);
      } catch {
        return null;
      }
    })();
    if (lock) {
      const unrecorded = compareLock(lock, computeLock(root, { specVersion: lock.specVersion })).filter((d) => d.path !== lock.spec.path);
      if (unrecorded.length > 0)
        log(
          `\nspec:update: note: ${unrecorded.map((d) => `${d.path} (${d.status})`).join(", ")} differ from ${LOCK_FILE}; ` +
            "their changes are part of this diff and the lock will record them.",
        );
    }

    // Step 4: in place, every touched file snapshotted first.
    const versions = workspaceVersions(root);
    const semverBumps = codegen.bumpsByPackage(changes);
    const releases = changesetReleases(semverBumps, versions);
    const changesetFile = changesetFileName(newVersion, (file) => existsSync(join(root, file)));
    const changesetText = renderChangeset({ releases, semverBumps, title, oldVersion, newVersion, changes, report });

    snapshot = new Snapshot(root);
    snapshot.addFile(specFile);
    snapshot.addFile(join(root, LOCK_FILE));
    snapshot.addFile(join(root, changesetFile));
    snapshot.addFile(oldResolvedFile);
    snapshot.addFolder(config.outputs.types);
    if (config.outputs.validators) snapshot.addFolder(config.outputs.validators);

    writeAtomic(specFile, newBytes);
    const generated = await codegen.generate({ config });
    done(
      `${show(specFile)} replaced; regenerated: ${generated.written.length} written, ${generated.unchanged.length} unchanged, ${generated.removed.length} removed`,
    );

    // The report and the release it calls for, printed whatever the type check then says.
    const printVerdict = () => {
      log(`\n${changes.length > 0 ? report.trim() : `Only info.version changed (${oldVersion} → ${newVersion}).`}`);
      const width = Math.max(...Object.keys(releases).map((name) => name.length));
      log("\nRelease (the 0.x policy of .changeset/README.md: breaking → minor, additive or patch-level → patch):");
      for (const [name, bump] of Object.entries(releases)) {
        const semver = semverBumps[name];
        const why = semver && semver !== bump ? ` (${semver} by semver)` : semver ? "" : " (the fixed group's release)";
        log(`  ${name.padEnd(width)}  ${bump}${why}${FIXED_GROUP.includes(name) ? "  [fixed group: types, validator, mock]" : ""}`);
      }
    };
    if (args.skipTypecheck) log("  - type check skipped (--skip-typecheck)");
    else {
      const checked = typecheck(root, work, env);
      if (!checked.ok) {
        const changed = snapshot.restore();
        printVerdict();
        log(`\nType check of ${checked.scope.join(", ")} against the code generated from the new spec:`);
        log(checked.output);
        throw new Refusal(
          `${checked.signal ? `the type check was stopped (${checked.signal})` : "the hand-written code does not type-check against the code generated from the new spec (tsc output above)"}; ` +
            `scope: ${checked.scope.join(", ")}. Everything was restored (${plural(changed.length, "file")}). ` +
            "Fix the code for the new spec: run again with --skip-typecheck to apply the spec and fix it afterwards (`pnpm typecheck` checks it).",
        );
      }
      done(`type check: ${checked.scope.join(", ")} against the regenerated code (${checked.seconds} s)`);
    }

    // Step 5: report, changeset, lock.
    printVerdict();

    if (args.dryRun) {
      log(`\nWould write ${changesetFile} (and record it in ${LOCK_FILE}):\n\n${changesetText}`);
      const changed = snapshot.restore();
      log(`spec:update: dry run: restored ${plural(changed.length, "file")}; nothing was changed.`);
      return 0;
    }
    mkdirSync(join(root, ".changeset"), { recursive: true });
    writeFileSync(join(root, changesetFile), changesetText);
    writeLock(root, computeLock(root, { changeset: changesetFile, specVersion: newVersion }));
    snapshot = undefined; // committed: nothing to restore any more
    log(`\nspec:update: ${title} ${oldVersion} → ${newVersion}: wrote ${changesetFile} and ${LOCK_FILE}.`);
    log(
      "Next: review the changeset and the regenerated code, run `pnpm test` (openapi/test/vendor-spec.test.ts pins the published spec's version and operation count: update it with the spec), and commit.",
    );
    return 0;
  } catch (error) {
    const changed = snapshot?.restore() ?? [];
    if (error instanceof Refusal) console.error(`\nspec:update: ${error.message}`);
    else console.error(`\nspec:update: unexpected failure: ${error?.stack ?? error}`);
    console.error(changed.length > 0 ? `Restored ${plural(changed.length, "file")}; nothing was changed.` : "Nothing was changed.");
    return 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  process.exitCode = await main(process.argv.slice(2));
