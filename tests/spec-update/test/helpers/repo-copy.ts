// Temporary copies of the repository for running `pnpm spec:update`, `changeset version` and the
// spec guard for real. See ../../README.md ("The copies") for why they are made this way.
//
// The template (made once per run by global-setup.ts): the working tree as git sees it, i.e.
// tracked files plus untracked ones that are not ignored (`git ls-files --cached --others
// --exclude-standard`), so uncommitted work is tested and node_modules, dist, .turbo, .vitest are
// not copied; pending changesets of the real repository are left out. Then
// `pnpm install --offline --frozen-lockfile` (the store is warm after the repository's own
// install) and `turbo run build --filter=@faxkit/codegen`, which spec:update runs first and which
// is then a cache hit in every clone.
//
// A clone (one per test file): the template without node_modules (with packages/codegen/dist and
// .turbo/cache), `pnpm install --offline --frozen-lockfile` again (links are relative, so a copied
// node_modules would point back into the template), and a git repository with one commit, so that
// `git status` shows anything a test left changed and `git reset --hard` undoes it.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunResult, run as runCommand, runOrThrow as runCommandOrThrow } from "../../../support/run-command.js";

export type { RunResult };

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url)).replace(/\/$/, "");

/** Runs a command in `cwd`; children never reach a registry (see ../../../support/run-command.ts). */
export function run(command: string, args: string[], cwd: string): Promise<RunResult> {
  return runCommand(command, args, { cwd, gitName: "spec-update-tests" });
}

export function runOrThrow(command: string, args: string[], cwd: string): Promise<RunResult> {
  return runCommandOrThrow(command, args, { cwd, gitName: "spec-update-tests" });
}

const isPendingChangeset = (file: string) => /^\.changeset\/[^/]+\.md$/.test(file) && file.toLowerCase() !== ".changeset/readme.md";

/** Makes the template (see the top of this file); returns its path. */
export async function createTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "faxkit-spec-update-template-"));
  const listed = await runOrThrow("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], repoRoot);
  for (const file of listed.stdout.split("\0")) {
    if (file === "" || isPendingChangeset(file) || !existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dir, file));
  }
  await install(dir);
  await runOrThrow("pnpm", ["exec", "turbo", "run", "build", "--filter=@faxkit/codegen", "--output-logs=errors-only"], dir);
  return dir;
}

async function install(dir: string): Promise<void> {
  const result = await run("pnpm", ["install", "--offline", "--frozen-lockfile"], dir);
  if (result.code !== 0)
    throw new Error(
      `pnpm install --offline --frozen-lockfile failed in the copy (the store must hold every locked package: run \`pnpm install\` in the repository first):\n${result.output}`,
    );
}

/** Every file of a tree but node_modules, .git and .turbo (turbo writes logs there on every run), with its SHA-256. */
export function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === ".git" || entry.name === ".turbo") continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) hashes.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return hashes;
}

/** Files added, removed or changed between two `fileHashes` results, sorted. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = new Set<string>();
  for (const [file, hash] of after) if (before.get(file) !== hash) changed.add(file);
  for (const file of before.keys()) if (!after.has(file)) changed.add(file);
  return [...changed].sort();
}

export class RepoClone {
  private constructor(readonly dir: string) {}

  static async create(template: string): Promise<RepoClone> {
    const dir = mkdtempSync(join(tmpdir(), "faxkit-spec-update-"));
    cpSync(template, dir, { recursive: true, filter: (source) => !source.split("/").includes("node_modules") });
    await install(dir);
    const clone = new RepoClone(dir);
    await clone.git("init", "--quiet", "--initial-branch", "main");
    await clone.git("add", "--all");
    await clone.git("commit", "--quiet", "--no-verify", "--no-gpg-sign", "--message", "copy of faxkit");
    return clone;
  }

  path(file: string): string {
    return join(this.dir, file);
  }

  read(file: string): string {
    return readFileSync(this.path(file), "utf8");
  }

  exists(file: string): boolean {
    return existsSync(this.path(file));
  }

  write(file: string, text: string | Buffer): void {
    mkdirSync(dirname(this.path(file)), { recursive: true });
    writeFileSync(this.path(file), text);
  }

  remove(file: string): void {
    rmSync(this.path(file), { force: true });
  }

  json<T = Record<string, unknown>>(file: string): T {
    return JSON.parse(this.read(file)) as T;
  }

  /** Writes a spec for a test outside the repository, as a downloaded vendor file would be. */
  writeInput(name: string, text: string | Buffer): string {
    const folder = `${this.dir}-inputs`;
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, name), text);
    return join(folder, name);
  }

  /** `pnpm spec:update <args>` (the shim for `faxkit-codegen update`): the root script, as a maintainer runs it. */
  specUpdate(...args: string[]): Promise<RunResult> {
    return run("pnpm", ["spec:update", ...args], this.dir);
  }

  /** `node scripts/spec-guard.mjs <args>` (the shim for `faxkit-codegen guard`): what .ci/run runs. */
  guard(...args: string[]): Promise<RunResult> {
    return run(process.execPath, ["scripts/spec-guard.mjs", ...args], this.dir);
  }

  /** The copy's own changesets CLI (the root devDependency), `pnpm exec changeset <args>`. */
  changeset(...args: string[]): Promise<RunResult> {
    return run("pnpm", ["exec", "changeset", ...args], this.dir);
  }

  git(...args: string[]): Promise<RunResult> {
    return runOrThrow("git", args, this.dir);
  }

  /** `git status --porcelain`: empty when the copy matches its commit (ignored files aside). */
  async status(): Promise<string> {
    return (await this.git("status", "--porcelain")).stdout.trim();
  }

  /** Back to the commit: tracked files restored, untracked (not ignored) files removed. */
  async reset(): Promise<void> {
    await this.git("reset", "--quiet", "--hard");
    await this.git("clean", "--quiet", "-fd");
  }

  hashes(): Map<string, string> {
    return fileHashes(this.dir);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(`${this.dir}-inputs`, { recursive: true, force: true });
  }
}
