/**
 * Packs every public package ONCE (`pnpm pack`, which turns `workspace:*` into real
 * versions) and installs the tarballs with npm into ONE fresh project under os.tmpdir():
 * no workspace, no links, third-party dependencies (openapi-fetch, Prism, …) from the
 * registry, exactly as a team repo gets them. Every test file reads that project through
 * `inject("consumer")`. Set FAXKIT_KEEP_CONSUMER=1 to keep the folder after the run.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { run } from "../../support/run-process.js";
import { type ConsumerProject, type PackedPackage, PUBLIC_PACKAGES, REPO_ROOT } from "./helpers/consumer-project.js";

async function pack(name: PackedPackage["name"], dir: string, destination: string): Promise<PackedPackage> {
  if (!existsSync(join(dir, "dist")))
    throw new Error(`${name} is not built (${join(dir, "dist")} is missing): run \`pnpm build\` in ${REPO_ROOT} first.`);
  const result = await run("pnpm", ["pack", "--json", "--pack-destination", destination], { cwd: dir });
  if (result.code !== 0) throw new Error(`pnpm pack of ${name} failed\n${result.report}`);
  const packed = JSON.parse(result.stdout) as { name: string; version: string; filename: string; files: { path: string }[] };
  return { name, version: packed.version, dir, tarball: packed.filename, files: packed.files.map((file) => file.path) };
}

/**
 * `msw@<version>`: an optional peer of @faxkit/mock (its `/msw` entry imports it), so a team
 * installs it itself; the version the mock is developed and tested against (its devDependency).
 */
function mswSpecifier(): string {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "packages/mock/package.json"), "utf8")) as {
    devDependencies?: Record<string, string>;
  };
  const version = manifest.devDependencies?.msw;
  if (!version || !/^\d+\.\d+\.\d+$/.test(version))
    throw new Error(`packages/mock/package.json must pin msw to an exact devDependency version (got ${JSON.stringify(version)})`);
  return `msw@${version}`;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), "faxkit-consumer-"));
  const tarballs = join(root, "tarballs");
  const projectDir = join(root, "project");
  await mkdir(tarballs);
  await mkdir(projectDir);

  const packages = await Promise.all(PUBLIC_PACKAGES.map((p) => pack(p.name, join(REPO_ROOT, p.dir), tarballs)));

  const manifest = {
    name: "faxkit-consumer",
    version: "0.0.0",
    private: true,
    description: "A team repo installing @faxkit from tarballs",
  };
  await writeFile(join(projectDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  // --prefer-offline: metadata already in npm's cache is not fetched again (a fresh CI cache
  // still fetches everything from the registry). msw comes along, as a team using
  // @faxkit/mock/msw installs it.
  const install = await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", ...packages.map((p) => p.tarball), mswSpecifier()],
    {
      cwd: projectDir,
      timeout: 240_000,
    },
  );
  if (install.code !== 0) throw new Error(`npm install of the packed tarballs failed\n${install.report}`);

  const consumer: ConsumerProject = { repoRoot: REPO_ROOT, projectDir, packages };
  project.provide("consumer", consumer);
  return async () => {
    if (process.env.FAXKIT_KEEP_CONSUMER) console.log(`consumer project kept in ${projectDir}`);
    else await rm(root, { recursive: true, force: true });
  };
}
