/**
 * Each public package as it would be published: the tarball `pnpm pack` made, its manifest,
 * and the verdicts of `@arethetypeswrong/cli` and `publint` on it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { run } from "../../support/run-process.js";
import { toolBin } from "./helpers/consumer-project.js";

const { packages, projectDir } = inject("consumer");
const ATTW = toolBin("@arethetypeswrong/cli", "dist/index.js");
const PUBLINT = toolBin("publint", "src/cli.js");

interface Manifest {
  name: string;
  license?: string;
  sideEffects?: boolean;
  engines?: { node?: string };
  files?: string[];
  main?: string;
  module?: string;
  types?: string;
  bin?: Record<string, string>;
  exports: Record<string, string | { import: { types: string; default: string }; require: { types: string; default: string } }>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The manifest inside the tarball (npm installs it unchanged). */
const manifestOf = (name: string): Manifest => JSON.parse(readFileSync(join(projectDir, "node_modules", name, "package.json"), "utf8"));
const strip = (path: string) => path.replace(/^\.\//, "");

describe.each(packages)("$name", (pkg) => {
  const manifest = manifestOf(pkg.name);

  it("ships dist, README.md, LICENSE and package.json, and nothing from src, test or bench", () => {
    expect(pkg.files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE"]));
    expect(pkg.files.filter((file) => /^(src|test|bench)\/|^tsconfig|^tsup\.config|^vitest\.config/.test(file))).toEqual([]);
    expect(readFileSync(join(projectDir, "node_modules", pkg.name, "LICENSE"), "utf8")).toMatch(
      /^MIT License\n\nCopyright \(c\) 2026 faxkit contributors\n/,
    );
  });

  it("has the house's manifest: MIT, sideEffects false, files, engines, real dependency versions", () => {
    expect(manifest).toMatchObject({ license: "MIT", sideEffects: false, engines: { node: ">=20" } });
    expect(manifest.files).toContain("dist");
    const ranges = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies };
    expect(Object.entries(ranges).filter(([, range]) => range.startsWith("workspace:"))).toEqual([]);
  });

  it("exports ESM and CJS with their own declarations (.d.ts for import, .d.cts for require), all in the tarball", () => {
    const targets: string[] = [];
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (subpath === "./package.json") continue;
      expect(target, subpath).toMatchObject({
        import: { types: expect.stringMatching(/\.d\.ts$/), default: expect.stringMatching(/\.js$/) },
        require: { types: expect.stringMatching(/\.d\.cts$/), default: expect.stringMatching(/\.cjs$/) },
      });
      if (typeof target === "object")
        targets.push(target.import.types, target.import.default, target.require.types, target.require.default);
    }
    for (const field of [manifest.main, manifest.module, manifest.types, ...Object.values(manifest.bin ?? {})])
      if (field) targets.push(field);
    expect(targets.map(strip).filter((file) => !pkg.files.includes(file))).toEqual([]);
  });

  it("passes @arethetypeswrong/cli (node16 from ESM and from CJS, bundler)", async () => {
    const result = await run(process.execPath, [ATTW, pkg.tarball, "--profile", "node16", "--format", "ascii", "--no-color"], {
      cwd: projectDir,
    });
    expect(result.code, `attw found problems in ${pkg.name}:\n${result.report}`).toBe(0);
  });

  it("passes publint (warnings count as errors)", async () => {
    const result = await run(process.execPath, [PUBLINT, "run", pkg.tarball, "--strict"], { cwd: projectDir });
    expect(result.code, `publint found problems in ${pkg.name}:\n${result.report}`).toBe(0);
    expect(result.stdout).toContain("All good!");
  });
});
