/**
 * The fresh npm project that installed the tarballs: real package folders (not links into
 * the repo), one copy of each @faxkit package, and the three CLIs working from node_modules/.bin.
 */
import { copyFile, lstat, mkdir, readdir, realpath, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fixtures, startFake } from "@faxkit/mock";
import { describe, expect, inject, it } from "vitest";
import { run } from "../../support/run-process.js";
import { FIXTURES } from "./helpers/consumer-project.js";

const { packages, projectDir, repoRoot } = inject("consumer");
const modules = join(projectDir, "node_modules");
/** A package's bin as npm linked it: run directly, so its shebang and file mode count too. */
const binLink = (name: string) => join(modules, ".bin", name);

describe("the installed project", () => {
  it.each(packages)("node_modules/$name is a real folder outside the repository", async ({ name }) => {
    const folder = join(modules, name);
    const stats = await lstat(folder);
    expect(stats.isSymbolicLink(), `${folder} is a link`).toBe(false);
    expect(stats.isDirectory()).toBe(true);
    expect((await realpath(folder)).startsWith(repoRoot)).toBe(false);
  });

  it("has exactly one copy of each @faxkit package (dependencies resolve to the installed tarballs)", async () => {
    const script = `
      const names = ${JSON.stringify(packages.map((p) => p.name))};
      const from = (pkg) => require.resolve(pkg + "/package.json", { paths: [require.resolve("@faxkit/client")] });
      console.log(JSON.stringify(names.map((n) => [n, require(n + "/package.json").version, from(n) === require.resolve(n + "/package.json")])));`;
    const result = await run(process.execPath, ["-e", script], { cwd: projectDir });
    expect(result.code, result.report).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(packages.map((p) => [p.name, p.version, true]));
    const nested: string[] = [];
    for (const { name } of packages) {
      const inner = join(modules, name, "node_modules");
      const entries = await readdir(inner).catch((): string[] => []);
      if (entries.includes("@faxkit")) nested.push(name);
    }
    expect(nested).toEqual([]);
  });

  it("got the third-party runtime dependencies from the registry", async () => {
    for (const dependency of ["openapi-fetch", "@stoplight/prism-http", "openapi-typescript"])
      expect((await lstat(join(modules, dependency))).isDirectory(), dependency).toBe(true);
  });
});

describe("the CLIs from the tarballs", () => {
  it("faxkit-mock --help prints its usage", async () => {
    const result = await run(binLink("faxkit-mock"), ["--help"], { cwd: projectDir });
    expect(result.code, result.report).toBe(0);
    expect(result.stdout).toContain("Usage: faxkit-mock");
  });

  it("faxkit-codegen generates types and validators for another spec, and check then finds nothing stale", async () => {
    const demo = join(projectDir, "codegen-demo");
    await mkdir(demo, { recursive: true });
    await copyFile(join(FIXTURES, "pets.yaml"), join(demo, "pets.yaml"));
    const config = { spec: "pets.yaml", outputs: { types: "generated/types", validators: "generated/validators" } };
    await writeFile(join(demo, "faxkit.config.json"), JSON.stringify(config));

    const generate = await run(binLink("faxkit-codegen"), ["generate"], { cwd: demo });
    expect(generate.code, generate.report).toBe(0);
    expect(generate.stdout).toContain("Pets 1.0.0 (OpenAPI 3.0.3): 1 operations, 1 schemas");
    expect((await readdir(join(demo, "generated/types"))).sort()).toEqual(["aliases.ts", "operations.ts", "schema.ts", "spec-info.ts"]);
    expect(await readdir(join(demo, "generated/validators/schemas"))).toEqual(["Pet.ts"]);

    const check = await run(binLink("faxkit-codegen"), ["check"], { cwd: demo });
    expect(check.code, check.report).toBe(0);
    expect(check.stdout).toContain("generated output is up to date");
  });

  it("faxkit-codegen without a command exits 2 with its usage", async () => {
    const result = await run(binLink("faxkit-codegen"), [], { cwd: projectDir });
    expect(result.code, result.report).toBe(2);
    expect(result.stderr).toContain("Usage: faxkit-codegen <generate|check>");
  });

  it("@faxkit/codegen is also a library, from import and from require", async () => {
    const script = `
      const cjs = require("@faxkit/codegen");
      import("@faxkit/codegen").then((esm) => console.log(JSON.stringify({
        cjs: [typeof cjs.generate, typeof cjs.check, typeof cjs.CodegenError],
        esm: [typeof esm.generate, typeof esm.check, typeof esm.CodegenError],
      })));`;
    const result = await run(process.execPath, ["-e", script], { cwd: projectDir });
    expect(result.code, result.report).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ cjs: ["function", "function", "function"], esm: ["function", "function", "function"] });
  });

  it("faxplus from the tarball lists the faxes of a fake on 127.0.0.1 as JSON, and refuses a --token argument", async () => {
    const record = fixtures.fax({ comment: "from the packed CLI" });
    const fake = await startFake({ seed: { faxes: [record] } });
    try {
      const env = { ...process.env, FAXPLUS_BASE_URL: fake.url, FAXPLUS_TOKEN: "consumer-token", NO_COLOR: "1" };
      const list = await run(binLink("faxplus"), ["faxes", "list", "--json"], { cwd: projectDir, env });
      expect(list.code, list.report).toBe(0);
      expect(JSON.parse(list.stdout)).toMatchObject({ records: [{ id: record.id, comment: "from the packed CLI" }] });
      const refused = await run(binLink("faxplus"), ["whoami", "--token", "consumer-token"], { cwd: projectDir, env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).not.toContain("consumer-token");
    } finally {
      await fake.stop();
    }
  });
});
