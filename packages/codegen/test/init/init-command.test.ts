import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { check, generate } from "../../src/index.js";
import { initCommand } from "../../src/init/init-command.js";
import { MINI_SPEC } from "../helpers/temp-project.js";

/**
 * `faxkit-codegen init` in process: what it writes, what it refuses, and what it tells the user.
 * Every case runs in a fresh folder holding the mini spec (and nothing else).
 */
let root = "";
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "faxkit-init-"));
  await write("spec.yaml", MINI_SPEC);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

/** Runs `init` with `args` in the temp folder; stdout and stderr as printed. */
async function init(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...line: unknown[]) => void out.push(line.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...line: unknown[]) => void err.push(line.join(" ")));
  const code = await initCommand(args, { cwd: root });
  vi.restoreAllMocks();
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const readConfig = async (path = "faxkit.config.json") => JSON.parse(await readFile(join(root, path), "utf8"));

describe("faxkit-codegen init <spec>", () => {
  it("writes a config with relative paths, the default outputs, the validator runtime and no overlays", async () => {
    const { code, stdout, stderr } = await init("spec.yaml");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(await readConfig()).toEqual({
      spec: "spec.yaml",
      outputs: {
        types: "src/generated/types",
        validators: "src/generated/validators",
        resolvedSpec: "src/generated/openapi.resolved.json",
      },
      validators: { runtime: "@faxkit/validator/runtime" },
    });
    expect(stdout).toContain("Mini API 1.0.0 (OpenAPI 3.0.3): 2 operations, 1 schemas");
    expect(stdout).toContain("add @faxkit/validator to your project's dependencies");
    expect(stdout.trim().split("\n").at(-1)).toBe("Next: faxkit-codegen generate");
    expect(stdout).not.toContain("pnpm");
  });

  it("writes a config that generates: validators import the runtime and the aliases of the same run, and check is then clean", async () => {
    expect((await init("spec.yaml")).code).toBe(0);
    const config = join(root, "faxkit.config.json");
    const result = await generate({ config });
    expect(result.operationCount).toBe(2);
    const validate = await readFile(join(root, "src/generated/validators/validate.ts"), "utf8");
    expect(validate).toContain('from "@faxkit/validator/runtime"');
    expect(validate).toContain('import type * as T from "../types/aliases.js";');
    expect(validate).not.toContain("@faxkit/types");
    expect(existsSync(join(root, "src/generated/openapi.resolved.json"))).toBe(true);
    expect(await check({ config })).toEqual([]);
  });

  it("names the overlays folder beside the spec when it holds overlay files", async () => {
    await write("openapi/api.yaml", MINI_SPEC);
    await write(
      "openapi/overlays/01-limit.yaml",
      "overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n  - target: $.components.schemas.Thing\n    update: { maxProperties: 5 }\n",
    );
    const { code, stdout } = await init("openapi/api.yaml");
    expect(code).toBe(0);
    expect((await readConfig()).overlays).toEqual(["openapi/overlays"]);
    expect(stdout).toMatch(/overlays {4}openapi\/overlays/);
  });

  it("names no overlays when the folder beside the spec is empty", async () => {
    await mkdir(join(root, "overlays"));
    await write("overlays/notes.txt", "not an overlay");
    expect((await init("spec.yaml")).code).toBe(0);
    expect(await readConfig()).not.toHaveProperty("overlays");
  });

  it("takes --types and --validators from the working directory", async () => {
    expect((await init("spec.yaml", "--types", "lib/api/types", "--validators", "lib/api/check")).code).toBe(0);
    expect((await readConfig()).outputs).toEqual({
      types: "lib/api/types",
      validators: "lib/api/check",
      resolvedSpec: "lib/api/openapi.resolved.json",
    });
  });

  it("with --config elsewhere: paths are relative to that config, default outputs beside it, and the advice names it", async () => {
    await write("specs/api.yaml", MINI_SPEC);
    const { code, stdout } = await init("specs/api.yaml", "--config", "app/faxkit.config.json");
    expect(code).toBe(0);
    const config = await readConfig("app/faxkit.config.json");
    expect(config.spec).toBe("../specs/api.yaml");
    expect(config.outputs.types).toBe("src/generated/types");
    expect(stdout.trim().split("\n").at(-1)).toBe("Next: faxkit-codegen generate --config app/faxkit.config.json");
    await generate({ config: join(root, "app/faxkit.config.json") });
    expect(existsSync(join(root, "app/src/generated/types/aliases.ts"))).toBe(true);
  });

  it("quotes a config path the shell would split in the advice", async () => {
    const { code, stdout } = await init("spec.yaml", "--config", "my api.json");
    expect(code).toBe(0);
    expect(stdout).toContain("Next: faxkit-codegen generate --config 'my api.json'");
  });

  it("prints the spec's title as one line without control characters", async () => {
    await write("spec.yaml", MINI_SPEC.replace("title: Mini API", 'title: "Mini\\e[31m API\\nfake line"'));
    const { code, stdout } = await init("spec.yaml");
    expect(code).toBe(0);
    expect(stdout).not.toContain("\u001b");
    expect(stdout.split("\n")[0]).toContain("Mini\uFFFD[31m API\uFFFDfake line 1.0.0");
  });
});

describe("faxkit-codegen init refuses", () => {
  it("to replace an existing config without --force (exit 1, file untouched), and replaces it with --force", async () => {
    await write("faxkit.config.json", '{ "hand": "written" }\n');
    const refused = await init("spec.yaml");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("faxkit.config.json already exists; it was left as it is");
    expect(refused.stderr).toContain("--force");
    expect(await readFile(join(root, "faxkit.config.json"), "utf8")).toBe('{ "hand": "written" }\n');

    const forced = await init("spec.yaml", "--force");
    expect(forced.code).toBe(0);
    expect((await readConfig()).spec).toBe("spec.yaml");
  });

  const badSpecs = [
    { name: "a missing spec", file: "missing.yaml", text: undefined, says: "missing.yaml: file not found" },
    { name: "OpenAPI 3.1", file: "spec.yaml", text: MINI_SPEC.replace("3.0.3", "3.1.0"), says: 'OpenAPI version "3.1.0" is not supported' },
    { name: "invalid YAML", file: "spec.yaml", text: MINI_SPEC.replace("title: Mini API", "title: [Mini"), says: "invalid YAML" },
    {
      name: "a $ref to nowhere",
      file: "spec.yaml",
      text: MINI_SPEC.replaceAll("schemas/Thing'", "schemas/Nope'"),
      says: '$ref "#/components/schemas/Nope" points nowhere',
    },
    {
      name: "a spec nested past the input bound",
      file: "spec.yaml",
      text: `${MINI_SPEC}    Deep: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
      says: "nested too deeply",
    },
    {
      name: "a YAML alias bomb",
      file: "spec.yaml",
      text: `${MINI_SPEC}x-bomb:\n  a: &a [${Array(10).fill("lol").join(", ")}]\n${"bcdefghi"
        .split("")
        .map((name, i) => `  ${name}: &${name} [${Array(10).fill(`*${"abcdefghi"[i]}`).join(", ")}]`)
        .join("\n")}\n`,
      says: "Excessive alias count",
    },
  ];

  it.each(badSpecs)("$name: exit 1, the codegen's own error, no config written", async ({ file, text, says }) => {
    if (text !== undefined) await write(file, text);
    const { code, stdout, stderr } = await init(file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^faxkit-codegen init: /);
    expect(stderr).toContain(says);
    expect(stderr).toContain("No config was written.");
    expect(await readdir(root)).not.toContain("faxkit.config.json");
  });

  it("an output outside the config's folder (exit 1, nothing written)", async () => {
    const { code, stderr } = await init("spec.yaml", "--types", "../elsewhere");
    expect(code).toBe(1);
    expect(stderr).toContain("`outputs.types` resolves to");
    expect(stderr).toContain("outside the project root");
    expect(existsSync(join(root, "faxkit.config.json"))).toBe(false);
  });

  it("a config path that is a folder, even with --force (exit 1, nothing written)", async () => {
    await mkdir(join(root, "taken.json"));
    const { code, stderr } = await init("spec.yaml", "--config", "taken.json", "--force");
    expect(code).toBe(1);
    expect(stderr).toContain("taken.json exists and is not a file");
    expect((await readdir(root)).sort()).toEqual(["spec.yaml", "taken.json"]);
  });

  const badArgs = [
    { name: "no spec", args: [], says: "the spec file is missing." },
    { name: "two specs", args: ["a.yaml", "b.yaml"], says: "give exactly one spec file." },
    { name: "an unknown option", args: ["spec.yaml", "--overlay", "x"], says: "--overlay" },
    { name: "an empty --types", args: ["spec.yaml", "--types", ""], says: "--types needs a path." },
    {
      name: "one folder for types and validators",
      args: ["spec.yaml", "--types", "gen", "--validators", "gen"],
      says: "different folders",
    },
  ];

  it.each(badArgs)("bad arguments ($name): exit 2 with the usage, nothing written", async ({ args, says }) => {
    const { code, stderr } = await init(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(says);
    expect(stderr).toContain("usage: faxkit-codegen init <spec>");
    expect(await readdir(root)).toEqual(["spec.yaml"]);
  });
});

describe("faxkit-codegen init --help", () => {
  it("prints the usage and exits 0", async () => {
    const { code, stdout } = await init("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("usage: faxkit-codegen init <spec> [--config faxkit.config.json]");
  });
});
