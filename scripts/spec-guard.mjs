#!/usr/bin/env node
// The spec lock: `openapi/spec-lock.json` records the SHA-256 of the vendor spec
// (`openapi/faxplus.yaml`) and of every overlay (`openapi/overlays/*`, the files codegen applies),
// the spec's `info.version`, and the changeset that released the last recorded change. CI runs
// this script (`.ci/run`, before `pnpm test`): a spec or overlay edit that is not recorded fails
// the build, because every such edit changes what @faxkit/types, validator and mock ship and
// must be released with a changeset.
//
//   node scripts/spec-guard.mjs            check: exit 0 when the files match the lock, else 1
//                                          with the files that differ and how to fix it
//   node scripts/spec-guard.mjs --record   write the lock for the files as they are now
//        [--changeset .changeset/<id>.md]  (the changeset that releases the change)
//
// The rule. Files match the lock → OK. Files differ → FAIL. `--record` makes them match again,
// and refuses (exit 1) unless a pending changeset, other than the one already in the lock, names
// "@faxkit/types" in its front matter: a recorded change always comes with its release note
// (the fixed group releases validator and mock with types). `--changeset` picks that changeset;
// without it the newest one qualifying is taken. When there is no lock yet, `--record` writes one
// without a changeset (the recorded state is the released one). `pnpm spec:update` writes the lock
// itself, with the changeset it wrote.
//
// Exit codes: 0 OK / recorded, 1 mismatch or refused, 2 bad arguments.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** The lock's path, relative to the repository root. */
export const LOCK_FILE = "openapi/spec-lock.json";
/** The package every spec or overlay change must be released through (its fixed group follows). */
export const SPEC_PACKAGE = "@faxkit/types";
const CONFIG_FILE = "faxkit.config.json";

export const defaultRoot = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");

const toPosix = (path) => path.split(sep).join("/");
export const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/**
 * The files the lock covers, relative to the root: the spec and the overlays of
 * `faxkit.config.json`, a folder expanded to its .yaml/.yml/.json files sorted by name (as codegen
 * does). Overlays come out sorted by path.
 */
export function lockedFiles(root = defaultRoot) {
  const config = JSON.parse(readFileSync(join(root, CONFIG_FILE), "utf8"));
  const overlays = [];
  for (const entry of config.overlays ?? []) {
    const path = resolve(root, entry);
    if (existsSync(path) && statSync(path).isDirectory()) {
      for (const name of readdirSync(path)
        .filter((n) => /\.(ya?ml|json)$/.test(n))
        .sort())
        overlays.push(join(path, name));
    } else overlays.push(path);
  }
  const rel = (path) => toPosix(relative(root, resolve(root, path)));
  return { spec: rel(config.spec), overlays: overlays.map(rel).sort() };
}

/** `info.version` of a spec's text (YAML or JSON), or null when it has none. */
export function specVersionOf(text, root = defaultRoot) {
  // `yaml` is a dependency of @faxkit/codegen; the root package has no YAML parser of its own.
  const YAML = createRequire(join(root, "packages/codegen/package.json"))("yaml");
  const value = YAML.parse(text, { maxAliasCount: -1 });
  const version = value?.info?.version;
  return typeof version === "string" ? version : version === undefined || version === null ? null : String(version);
}

/** The lock for the files as they are on disk now. */
export function computeLock(root = defaultRoot, { changeset = null, specVersion } = {}) {
  const files = lockedFiles(root);
  const specBytes = readFileSync(join(root, files.spec));
  return {
    $comment:
      "Written by `pnpm spec:update` and `node scripts/spec-guard.mjs --record`; checked in CI by scripts/spec-guard.mjs. Do not edit.",
    specVersion: specVersion ?? specVersionOf(specBytes.toString("utf8"), root),
    spec: { path: files.spec, sha256: sha256(specBytes) },
    overlays: files.overlays.map((path) => ({ path, sha256: sha256(readFileSync(join(root, path))) })),
    changeset,
  };
}

/** The lock on disk, or null when there is none. Throws with a readable message when it is not valid. */
export function readLock(root = defaultRoot) {
  const path = join(root, LOCK_FILE);
  if (!existsSync(path)) return null;
  let lock;
  try {
    lock = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${LOCK_FILE} is not valid JSON (${error.message}).`);
  }
  const entry = (e) => typeof e?.path === "string" && typeof e?.sha256 === "string";
  if (!entry(lock?.spec) || !Array.isArray(lock.overlays) || !lock.overlays.every(entry))
    throw new Error(`${LOCK_FILE} does not have the expected shape ({ specVersion, spec: { path, sha256 }, overlays: [...], changeset }).`);
  return lock;
}

/** JSON as Biome formats it (two spaces, one entry per line, final newline), written atomically. */
export function writeLock(root, lock) {
  const path = join(root, LOCK_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(lock, null, 2)}\n`);
  renameSync(temp, path);
}

/** What differs between a lock and the files now: [{ path, status: "changed" | "added" | "removed" }], sorted by path. */
export function compareLock(lock, current) {
  const before = new Map([lock.spec, ...lock.overlays].map((e) => [e.path, e.sha256]));
  const after = new Map([current.spec, ...current.overlays].map((e) => [e.path, e.sha256]));
  const differences = [];
  for (const [path, hash] of after) {
    if (!before.has(path)) differences.push({ path, status: "added" });
    else if (before.get(path) !== hash) differences.push({ path, status: "changed" });
  }
  for (const path of before.keys()) if (!after.has(path)) differences.push({ path, status: "removed" });
  return differences.sort((a, b) => a.path.localeCompare(b.path));
}

/** Package → bump from a changeset's front matter (`"@faxkit/types": minor`); {} when it has none. */
export function changesetReleases(text) {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!match) return {};
  const releases = {};
  for (const line of match[1].split(/\r?\n/)) {
    const entry = /^\s*(["']?)(.+?)\1\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
    if (entry) releases[entry[2]] = entry[3];
  }
  return releases;
}

/** Pending changesets (`.changeset/*.md` but the README), newest first: [{ file, releases, mtimeMs }]. */
export function pendingChangesets(root = defaultRoot) {
  const folder = join(root, ".changeset");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md")
    .map((name) => {
      const path = join(folder, name);
      return { file: `.changeset/${name}`, releases: changesetReleases(readFileSync(path, "utf8")), mtimeMs: statSync(path).mtimeMs };
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs || a.file.localeCompare(b.file));
}

export const FIX_HINT = [
  "Every change to the vendor spec or an overlay changes what @faxkit/types, @faxkit/validator and @faxkit/mock ship, so it is recorded in the lock and released with a changeset:",
  "  - a new vendor spec: run `pnpm spec:update <file>` (it replaces openapi/faxplus.yaml as published, regenerates, writes",
  "    .changeset/spec-<version>.md and the lock); to undo an accidental edit: `git checkout openapi/faxplus.yaml`;",
  `  - an overlay change: add a changeset naming "${SPEC_PACKAGE}" (e.g. \`"${SPEC_PACKAGE}": patch\`) that describes the change for API users,`,
  "    then run `node scripts/spec-guard.mjs --record` and commit openapi/spec-lock.json with it.",
].join("\n");

/** Check mode: { ok, message }. */
export function checkLock(root = defaultRoot) {
  let lock;
  try {
    lock = readLock(root);
  } catch (error) {
    return {
      ok: false,
      message: `spec-guard: ${error.message}\nRestore it from git, or rewrite it with \`node scripts/spec-guard.mjs --record\`.`,
    };
  }
  if (lock === null)
    return {
      ok: false,
      message: `spec-guard: ${LOCK_FILE} is missing, so nothing says which spec and overlays were released.\nWrite it with \`node scripts/spec-guard.mjs --record\` and commit it.`,
    };
  const current = computeLock(root, { specVersion: lock.specVersion });
  const differences = compareLock(lock, current);
  if (differences.length > 0) {
    const width = Math.max(...differences.map((d) => d.status.length));
    const pending = pendingChangesets(root).filter((c) => c.releases[SPEC_PACKAGE] !== undefined && c.file !== lock.changeset);
    const lines = [
      `spec-guard: the spec or the overlays differ from ${LOCK_FILE} (spec ${lock.specVersion ?? "?"}):`,
      ...differences.map((d) => `  ${d.status.padEnd(width)}  ${d.path}`),
      "",
      FIX_HINT,
    ];
    if (pending.length > 0)
      lines.push(
        "",
        `A pending changeset names ${SPEC_PACKAGE} (${pending.map((c) => c.file).join(", ")}): if it describes this change, run --record.`,
      );
    return { ok: false, message: lines.join("\n"), differences };
  }
  if (
    lock.changeset &&
    existsSync(join(root, lock.changeset)) &&
    changesetReleases(readFileSync(join(root, lock.changeset), "utf8"))[SPEC_PACKAGE] === undefined
  )
    return {
      ok: false,
      message: `spec-guard: ${LOCK_FILE} names ${lock.changeset} as the changeset of the recorded change, but it no longer names "${SPEC_PACKAGE}".\n${FIX_HINT}`,
    };
  const overlays = current.overlays.length;
  return {
    ok: true,
    message: `spec-guard: ${current.spec.path} (spec ${lock.specVersion ?? "?"}) and ${overlays} overlay${overlays === 1 ? "" : "s"} match ${LOCK_FILE}.`,
  };
}

/** Record mode: { ok, message }; writes the lock when ok. */
export function recordLock(root = defaultRoot, { changeset: chosen } = {}) {
  let lock;
  try {
    lock = readLock(root);
  } catch {
    lock = null; // an unreadable lock is rewritten, under the same rule as a changed one
  }
  const current = computeLock(root);
  if (lock !== null && compareLock(lock, current).length === 0 && lock.specVersion === current.specVersion && chosen === undefined)
    return { ok: true, message: `spec-guard: ${LOCK_FILE} is already up to date (spec ${current.specVersion}); nothing written.` };

  let changeset = null;
  if (chosen !== undefined) {
    const file = toPosix(relative(root, resolve(root, chosen)));
    if (!existsSync(join(root, file))) return { ok: false, message: `spec-guard: --changeset ${chosen}: no such file.` };
    if (changesetReleases(readFileSync(join(root, file), "utf8"))[SPEC_PACKAGE] === undefined)
      return { ok: false, message: `spec-guard: --changeset ${file} does not name "${SPEC_PACKAGE}" in its front matter.` };
    changeset = file;
  } else if (lock !== null) {
    const candidates = pendingChangesets(root).filter((c) => c.releases[SPEC_PACKAGE] !== undefined && c.file !== lock.changeset);
    if (candidates.length === 0)
      return {
        ok: false,
        message: [
          `spec-guard: refusing to record: no pending changeset names "${SPEC_PACKAGE}"${lock.changeset ? ` (other than ${lock.changeset}, already recorded)` : ""}.`,
          `Add one first, e.g. .changeset/<name>.md:`,
          "",
          "---",
          `"${SPEC_PACKAGE}": patch`,
          "---",
          "",
          "<what changes for API users>",
          "",
          "then run `node scripts/spec-guard.mjs --record` again.",
        ].join("\n"),
      };
    changeset = candidates[0].file;
  }
  const next = { ...current, changeset };
  writeLock(root, next);
  const what = [next.spec, ...next.overlays].length;
  return {
    ok: true,
    message: `spec-guard: recorded ${what} file${what === 1 ? "" : "s"} (spec ${next.specVersion}) in ${LOCK_FILE}${changeset ? `, released by ${changeset}` : ""}.`,
  };
}

function main(argv) {
  const usage = "usage: node scripts/spec-guard.mjs [--record [--changeset .changeset/<id>.md]]";
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        record: { type: "boolean", default: false },
        changeset: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    console.error(`spec-guard: ${error.message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.changeset !== undefined && !values.record) {
    console.error(`spec-guard: --changeset goes with --record.\n${usage}`);
    return 2;
  }
  const result = values.record ? recordLock(defaultRoot, { changeset: values.changeset }) : checkLock(defaultRoot);
  (result.ok ? console.log : console.error)(result.message);
  return result.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
