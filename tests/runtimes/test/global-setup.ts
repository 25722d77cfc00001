/**
 * Packs @faxkit/types, @faxkit/validator and @faxkit/client ONCE (`pnpm pack` turns
 * `workspace:*` into real versions) and installs the tarballs with npm into ONE fresh project
 * under os.tmpdir(): no workspace, no links, openapi-fetch from the registry, as a team repo
 * gets them. Every runtime then runs its script in that project's node_modules.
 * FAXKIT_KEEP_RUNTIMES=1 keeps the folder after the run.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { run } from "../../support/run-process.js";
import { PACKED_PACKAGES, REPO_ROOT } from "./helpers/packed-project.js";

async function pack(name: string, dir: string, destination: string): Promise<string> {
  if (!existsSync(join(dir, "dist")))
    throw new Error(`${name} is not built (${join(dir, "dist")} is missing): run \`pnpm build\` in ${REPO_ROOT} first.`);
  const result = await run("pnpm", ["pack", "--json", "--pack-destination", destination], { cwd: dir });
  if (result.code !== 0) throw new Error(`pnpm pack of ${name} failed\n${result.report}`);
  return (JSON.parse(result.stdout) as { filename: string }).filename;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), "faxkit-runtimes-"));
  const tarballs = join(root, "tarballs");
  const projectDir = join(root, "project");
  await mkdir(tarballs);
  await mkdir(projectDir);

  const files = await Promise.all(PACKED_PACKAGES.map((p) => pack(p.name, join(REPO_ROOT, p.dir), tarballs)));
  const manifest = { name: "faxkit-runtimes", version: "0.0.0", private: true, type: "module" };
  await writeFile(join(projectDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  // --prefer-offline: metadata already in npm's cache is not fetched again.
  const install = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...files], {
    cwd: projectDir,
    timeout: 180_000,
  });
  if (install.code !== 0) throw new Error(`npm install of the packed tarballs failed\n${install.report}`);

  project.provide("runtimeProject", { projectDir });
  return async () => {
    if (process.env.FAXKIT_KEEP_RUNTIMES) console.log(`runtime project kept in ${projectDir}`);
    else await rm(root, { recursive: true, force: true });
  };
}
