/**
 * The generator as a new user meets it, from the installed tarballs: a two-operation petstore
 * (not Fax.Plus), `faxkit-codegen init petstore.yaml`, `faxkit-codegen generate`, the output
 * type-checked under --strict with the installed TypeScript and run in Node against the
 * installed @faxkit/validator runtime, then `faxkit-codegen check` clean, and stale after a hand
 * edit with advice that names the codegen's own command.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type RunResult, run } from "../../support/run-process.js";
import { FIXTURES } from "./helpers/consumer-project.js";

const { projectDir } = inject("consumer");
const app = join(projectDir, "petstore-app");
const codegen = (...args: string[]) => run(join(projectDir, "node_modules", ".bin", "faxkit-codegen"), args, { cwd: app });
/** The TypeScript the consumer project got with @faxkit/codegen (its dependency), as a user's `npx tsc` finds it. */
const TSC = join(projectDir, "node_modules", "typescript", "bin", "tsc");

describe("faxkit-codegen on a petstore spec, from init to check", () => {
  let init: RunResult;
  let generate: RunResult;
  beforeAll(async () => {
    await mkdir(join(app, "src"), { recursive: true });
    await writeFile(join(app, "package.json"), `${JSON.stringify({ name: "petstore-app", private: true, type: "module" }, null, 2)}\n`);
    await copyFile(join(FIXTURES, "petstore", "petstore.yaml"), join(app, "petstore.yaml"));
    init = await codegen("init", "petstore.yaml");
    generate = await codegen("generate");
  });

  it("init writes a config with relative paths, no overlays, and names the next command", async () => {
    expect(init.code, init.report).toBe(0);
    expect(JSON.parse(await readFile(join(app, "faxkit.config.json"), "utf8"))).toEqual({
      spec: "petstore.yaml",
      outputs: {
        types: "src/generated/types",
        validators: "src/generated/validators",
        resolvedSpec: "src/generated/openapi.resolved.json",
      },
      validators: { runtime: "@faxkit/validator/runtime" },
    });
    expect(init.stdout).toContain("Swagger Petstore 1.0.0 (OpenAPI 3.0.3): 2 operations, 3 schemas");
    expect(init.stdout.trim().split("\n").at(-1)).toBe("Next: faxkit-codegen generate");
  });

  it("generate writes the petstore's types and validators; the validators import its own aliases and the installed runtime", async () => {
    expect(generate.code, generate.report).toBe(0);
    expect(generate.stdout).toContain("Swagger Petstore 1.0.0 (OpenAPI 3.0.3): 2 operations, 3 schemas");
    const validators = join(app, "src/generated/validators");
    for (const file of ["validate.ts", "is.ts", "assert.ts"])
      expect(await readFile(join(validators, file), "utf8"), file).toContain('import type * as T from "../types/aliases.js";');
    const files = (await readdir(validators, { recursive: true })).filter((file) => file.endsWith(".ts"));
    const texts = await Promise.all(files.map(async (file) => [file, await readFile(join(validators, file), "utf8")] as const));
    expect(texts.filter(([, text]) => text.includes("@faxkit/types")).map(([file]) => file)).toEqual([]);
    expect(texts.filter(([, text]) => text.includes('from "@faxkit/validator/runtime"')).map(([file]) => file)).toContain(
      join("schemas", "ErrorModel.ts"),
    );
    const aliases = await readFile(join(app, "src/generated/types/aliases.ts"), "utf8");
    expect(aliases).toContain('export type ErrorModel = components["schemas"]["Error"];');
  });

  it("the output and a user's file type-check under --strict with the installed TypeScript, and run in Node", async () => {
    expect(existsSync(TSC), `${TSC} (installed with @faxkit/codegen)`).toBe(true);
    await copyFile(join(FIXTURES, "petstore", "use-petstore.ts"), join(app, "src", "use-petstore.ts"));
    const compilerOptions = {
      strict: true,
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      lib: ["es2022", "dom"],
      types: [],
      skipLibCheck: false,
      outDir: "dist",
    };
    await writeFile(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src"] }, null, 2));
    const tsc = await run(process.execPath, [TSC, "-p", "tsconfig.json", "--pretty", "false"], { cwd: app });
    expect(tsc.code, tsc.report).toBe(0);

    const node = await run(process.execPath, ["dist/use-petstore.js"], { cwd: app });
    expect(node.code, node.report).toBe(0);
    expect(JSON.parse(node.stdout)).toEqual({
      error: "404 no such pet",
      faxPlusError: "not an error",
      pet: "Rex#1",
      notAPet: undefined,
    });
  });

  it("check exits 0 after generate, and after a hand edit names the file and `faxkit-codegen generate`", async () => {
    const clean = await codegen("check");
    expect(clean.code, clean.report).toBe(0);
    expect(clean.stdout).toContain("generated output is up to date");

    const aliases = join(app, "src/generated/types/aliases.ts");
    await writeFile(aliases, `${await readFile(aliases, "utf8")}// hand edit\n`);
    const stale = await codegen("check");
    expect(stale.code, stale.report).toBe(1);
    expect(stale.stderr).toContain("run `faxkit-codegen generate` and commit the result:");
    expect(stale.stderr).toContain("src/generated/types/aliases.ts  (differs)");
    expect(stale.stderr).not.toContain("pnpm");
  });
});
