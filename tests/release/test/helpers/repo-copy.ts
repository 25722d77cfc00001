// A temporary copy of the repository, as much of it as the release flow reads: the root
// manifest, pnpm-workspace.yaml, the lockfile, .changeset/ (config and README only, never a
// pending changeset of the real repo), scripts/release.mjs, and every workspace package's
// package.json (and CHANGELOG.md when there is one). The work tree is uncommitted while
// features are being built, so cloning HEAD would test stale files.
//
// scripts/release.mjs is a shim: it builds the codegen with turbo, then runs the codegen's
// releaseCommand from packages/codegen/dist. The copy has no sources to build, so the real
// repository's codegen is built once per run (here, before the first copy) and the copy's
// packages/codegen/dist/index.js links to it; the copy's `turbo` is a stand-in that records its
// arguments and exits 0, so the tests see that the shim asks for the build without repeating it.
//
// Nothing is installed in the copy. The changesets CLI finds the packages from
// pnpm-workspace.yaml and the package.json files alone. `pnpm publish` packs each package and
// must resolve `workspace:*` from the dependency's node_modules link, so the copy gets the links
// `pnpm install` would make between workspace packages, and nothing else. The lockfile is
// copied because without it pnpm 12 resolves `packageManager: pnpm@12.4.2` from the registry
// before any command.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunOptions, type RunResult, run as runCommand, runOrThrow as runCommandOrThrow } from "../../../support/run-command.js";

export type { RunOptions, RunResult };

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url)).replace(/\/$/, "");

/** The changesets CLI installed for this package (@changesets/cli 2.31.1), run with cwd = the copy. */
const changesetBin = fileURLToPath(new URL("../../node_modules/@changesets/cli/bin.js", import.meta.url));

/** Runs a command in a copy; children never reach a real registry (see ../../../support/run-command.ts). */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return runCommand(command, args, { gitName: "release-tests", ...options });
}

function runOrThrow(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return runCommandOrThrow(command, args, { gitName: "release-tests", ...options });
}

export interface WorkspacePackage {
  name: string;
  version: string;
  /** Relative to the repository root, e.g. "packages/types". */
  dir: string;
  private: boolean;
}

interface PnpmListEntry {
  name: string;
  version?: string;
  path: string;
  private: boolean;
}

let workspace: Promise<WorkspacePackage[]> | undefined;

/** The real repository's workspace packages (root excluded), as pnpm lists them. */
export function workspacePackages(): Promise<WorkspacePackage[]> {
  workspace ??= runOrThrow("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd: repoRoot }).then(({ stdout }) =>
    (JSON.parse(stdout) as PnpmListEntry[])
      .filter((entry) => entry.path !== repoRoot)
      .map((entry) => ({ name: entry.name, version: entry.version ?? "", dir: relative(repoRoot, entry.path), private: entry.private }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
  return workspace;
}

let codegenBuild: Promise<unknown> | undefined;

/** The real repository's codegen, built once per run (a turbo cache hit when current): what the copies' shim runs. */
function buildCodegen(): Promise<unknown> {
  codegenBuild ??= runOrThrow("pnpm", ["exec", "turbo", "run", "build", "--filter=@faxkit/codegen", "--output-logs=errors-only"], {
    cwd: repoRoot,
  });
  return codegenBuild;
}

/** The stand-in `turbo` of a copy: appends its arguments to {@link TURBO_CALLS} and succeeds. */
const TURBO_STAND_IN = ["#!/bin/sh", 'printf "%s\\n" "$*" >> "$(dirname "$0")/../turbo-calls.log"', ""].join("\n");
/** Where the stand-in `turbo` records its calls, relative to the copy (ignored by git with node_modules). */
export const TURBO_CALLS = "node_modules/turbo-calls.log";

type Manifest = { version?: string; private?: boolean } & Partial<Record<(typeof dependencyFields)[number], Record<string, string>>>;
const dependencyFields = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;

export class RepoCopy {
  private constructor(
    readonly dir: string,
    readonly packages: WorkspacePackage[],
  ) {}

  /** Copies the repository's manifests into a new temporary git repository (branch `branch`, one commit). */
  static async create({ branch = "main" }: { branch?: string } = {}): Promise<RepoCopy> {
    const [packages] = await Promise.all([workspacePackages(), buildCodegen()]);
    const dir = mkdtempSync(join(tmpdir(), "faxkit-release-"));
    const files = [
      "package.json",
      "pnpm-workspace.yaml",
      "pnpm-lock.yaml",
      ".gitignore",
      ".changeset/config.json",
      ".changeset/README.md",
      "scripts/release.mjs",
      ...packages.flatMap((pkg) => [join(pkg.dir, "package.json"), join(pkg.dir, "CHANGELOG.md")]),
    ];
    for (const file of files) {
      const source = join(repoRoot, file);
      if (!existsSync(source)) continue;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      copyFileSync(source, join(dir, file));
    }
    const copy = new RepoCopy(dir, packages);
    copy.linkWorkspaceDependencies();
    copy.linkCodegenBuild();
    await copy.git("init", "--quiet", "--initial-branch", branch);
    await copy.commit("copy of the faxkit manifests");
    return copy;
  }

  /** node_modules/<name> → the workspace package, for every `workspace:` dependency (what `pnpm install` links). */
  private linkWorkspaceDependencies(): void {
    const dirs = new Map(this.packages.map((pkg) => [pkg.name, pkg.dir]));
    for (const from of ["", ...this.packages.map((pkg) => pkg.dir)]) {
      const manifest = this.manifest(from);
      for (const field of dependencyFields) {
        for (const [name, range] of Object.entries(manifest[field] ?? {})) {
          const target = dirs.get(name);
          const link = join(this.dir, from, "node_modules", name);
          // A package may name one dependency twice (a devDependency that is also an optional peer).
          if (!range.startsWith("workspace:") || target === undefined || existsSync(link)) continue;
          mkdirSync(dirname(link), { recursive: true });
          symlinkSync(relative(dirname(link), join(this.dir, target)), link);
        }
      }
    }
  }

  /**
   * packages/codegen/dist/index.js → the real build (Node follows the link, so the build's own
   * imports resolve in the real repository), and the stand-in `turbo` in node_modules/.bin.
   * Both sit in git-ignored folders (`dist/`, `node_modules/`), so `git status` stays clean.
   */
  private linkCodegenBuild(): void {
    const entry = this.path("packages/codegen/dist/index.js");
    mkdirSync(dirname(entry), { recursive: true });
    symlinkSync(join(repoRoot, "packages/codegen/dist/index.js"), entry);
    const turbo = this.path("node_modules/.bin/turbo");
    mkdirSync(dirname(turbo), { recursive: true });
    writeFileSync(turbo, TURBO_STAND_IN);
    chmodSync(turbo, 0o755);
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

  write(file: string, text: string): void {
    mkdirSync(dirname(this.path(file)), { recursive: true });
    writeFileSync(this.path(file), text);
  }

  /** The package.json of a workspace package (by name or directory) or of the root (""). */
  manifest(nameOrDir: string): Manifest {
    const dir = this.packages.find((pkg) => pkg.name === nameOrDir)?.dir ?? nameOrDir;
    return JSON.parse(this.read(join(dir, "package.json"))) as Manifest;
  }

  packageDir(name: string): string {
    const pkg = this.packages.find((p) => p.name === name);
    if (!pkg) throw new Error(`no workspace package ${name}`);
    return pkg.dir;
  }

  /** name → version on disk now, for every workspace package. */
  versions(): Record<string, string> {
    return Object.fromEntries(this.packages.map((pkg) => [pkg.name, this.manifest(pkg.dir).version ?? ""]));
  }

  /** Writes `.changeset/<id>.md` the way `changeset add` would. */
  addChangeset(id: string, bumps: Record<string, "major" | "minor" | "patch">, summary: string): void {
    const frontMatter = Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`);
    this.write(`.changeset/${id}.md`, `---\n${frontMatter.join("\n")}\n---\n\n${summary}\n`);
  }

  changeset(...args: string[]): Promise<RunResult> {
    return run(process.execPath, [changesetBin, ...args], { cwd: this.dir });
  }

  git(...args: string[]): Promise<RunResult> {
    return runOrThrow("git", args, { cwd: this.dir });
  }

  async commit(message: string): Promise<void> {
    await this.git("add", "--all");
    await this.git("commit", "--quiet", "--no-verify", "--no-gpg-sign", "--message", message);
  }

  /** `git status --porcelain`: empty when the copy matches its last commit. */
  async status(): Promise<string> {
    return (await this.git("status", "--porcelain")).stdout.trim();
  }

  /** `pnpm release <args>` in the copy, i.e. the root script `node scripts/release.mjs`. */
  release(args: string[], registry?: string): Promise<RunResult> {
    return run("pnpm", ["release", ...args], { cwd: this.dir, ...(registry ? { registry } : {}) });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
