import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { createTempProject, DEFAULT_CONFIG, MINI_SPEC, type TempProject } from "./helpers/temp-project.js";

/**
 * Bad input, end to end through the CLI as a user runs it: exit code 1, one paragraph
 * that says what and where, no stack trace — and the previous output untouched.
 */
interface BadInputCase {
  name: string;
  /** Changes the (previously good) project so that generation must fail. */
  break(project: TempProject): Promise<void>;
  /** Fragments the one-paragraph message must contain. */
  says: (string | RegExp)[];
}

const replaceInSpec = (from: string, to: string) => async (project: TempProject) => project.write("spec.yaml", MINI_SPEC.replace(from, to));

const overlay = (actions: string) => `overlay: 1.0.0
info: { title: test overlay, version: 1.0.0 }
actions:
${actions}`;

const badInputs: BadInputCase[] = [
  {
    name: "invalid YAML",
    break: replaceInSpec("  title: Mini API", "  title: [Mini API"),
    says: ["spec.yaml:", "invalid YAML", /spec\.yaml:\d+:\d+/],
  },
  {
    name: "invalid JSON spec",
    break: async (project) => {
      await project.write("spec.json", '{ "openapi": "3.0.3", "info": { "title": "x", }');
      await project.write("faxkit.config.json", JSON.stringify({ ...DEFAULT_CONFIG, spec: "spec.json" }));
    },
    says: ["spec.json:1:", "invalid JSON"],
  },
  {
    name: "a $ref that points nowhere",
    break: replaceInSpec("items:\n            $ref: '#/components/schemas/Thing'", "items:\n            $ref: '#/components/schemas/Nope'"),
    says: ['$ref "#/components/schemas/Nope" points nowhere', "/components/schemas/Thing/properties/children/items/$ref", "spec.yaml:55:"],
  },
  {
    name: "a $ref to another file",
    break: replaceInSpec("$ref: '#/components/schemas/Thing'\n        '404'", "$ref: './other.yaml#/Thing'\n        '404'"),
    says: ["./other.yaml#/Thing", "only local references"],
  },
  {
    name: "duplicate operationId",
    break: replaceInSpec("operationId: updateThing", "operationId: getThing"),
    says: ['operationId "getThing" of PUT /things/{id} is already used by GET /things/{id}', /spec\.yaml:\d+:\d+/],
  },
  {
    name: "missing operationId",
    break: replaceInSpec("      operationId: updateThing\n", ""),
    says: ["operation PUT /things/{id} has no operationId", "/paths/~1things~1{id}/put"],
  },
  {
    name: "OpenAPI 3.1 (unsupported version)",
    break: replaceInSpec("openapi: 3.0.3", "openapi: 3.1.0"),
    says: ['OpenAPI version "3.1.0" is not supported', "spec.yaml:1:"],
  },
  {
    name: "Swagger 2.0 (unsupported version)",
    break: replaceInSpec("openapi: 3.0.3", 'swagger: "2.0"'),
    says: ['OpenAPI version "2.0" is not supported'],
  },
  {
    name: "not an OpenAPI document",
    break: async (project) => project.write("spec.yaml", "name: my-package\nversion: 1.0.0\n"),
    says: ["not an OpenAPI document"],
  },
  {
    name: "an overlay action whose target matches nothing",
    break: async (project) =>
      project.write(
        "overlays/01-refine.yaml",
        overlay(
          "  - target: $.components.schemas.Thing\n    update: { maxProperties: 5 }\n  - target: $.components.schemas.Gone\n    update: { maxProperties: 5 }\n",
        ),
      ),
    says: ["overlays/01-refine.yaml:6:5", "overlay action #2 targets $.components.schemas.Gone, which matches nothing"],
  },
  {
    name: "an overlay of an unsupported version",
    break: async (project) =>
      project.write("overlays/01-refine.yaml", overlay("  - target: $.info\n    update: { x-a: 1 }\n").replace("1.0.0", "2.0.0")),
    says: ["overlays/01-refine.yaml:1:", 'unsupported overlay version "2.0.0"'],
  },
  {
    name: "an output path outside the repo",
    break: async (project) =>
      project.write("faxkit.config.json", JSON.stringify({ ...DEFAULT_CONFIG, outputs: { types: "../elsewhere/types" } })),
    says: ["faxkit.config.json", "`outputs.types` resolves to", "outside the project root"],
  },
  {
    name: "a config without outputs",
    break: async (project) => project.write("faxkit.config.json", JSON.stringify({ spec: "spec.yaml" })),
    says: ["faxkit.config.json", "`outputs.types` must be"],
  },
  {
    name: "an overlays folder the config names but the project lacks",
    break: async (project) => rm(join(project.root, "overlays"), { recursive: true }),
    says: ["faxkit.config.json: overlay overlays does not exist", "listed in `overlays`", "a config needs no overlays"],
  },
  {
    name: "a spec file that does not exist",
    break: async (project) => project.write("faxkit.config.json", JSON.stringify({ ...DEFAULT_CONFIG, spec: "missing.yaml" })),
    says: ["cannot read missing.yaml: file not found"],
  },
];

describe("faxkit-codegen generate on bad input", () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
    // The good generation runs in-process (fast); the failing one through the CLI.
    await generate({ config: join(project.root, "faxkit.config.json") });
  });
  afterEach(() => project.remove());

  it.each(badInputs)("$name: exit 1, one clear paragraph, old output untouched", async (badInput) => {
    const before = await project.snapshotOutputs();
    expect(Object.keys(before)).toHaveLength(5);
    await badInput.break(project);

    const { code, stdout, stderr } = await project.cli("generate");

    expect(code).toBe(1);
    expect(stdout).toBe("");
    const message = stderr.trim();
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(/^faxkit-codegen: /);
    expect(message).not.toMatch(/\n\s+at |Error:/);
    for (const fragment of badInput.says) {
      if (typeof fragment === "string") expect(message).toContain(fragment);
      else expect(message).toMatch(fragment);
    }
    expect(await project.snapshotOutputs()).toEqual(before);
  });
});

describe("faxkit-codegen check", () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
  });
  afterEach(() => project.remove());

  it("passes right after generate", async () => {
    await project.cli("generate", "--quiet");
    const { code, stdout } = await project.cli("check");
    expect(code).toBe(0);
    expect(stdout).toContain("up to date");
  });

  it("fails and names the file after a hand edit to a generated file", async () => {
    await project.cli("generate", "--quiet");
    const path = join(project.root, "out/types/operations.ts");
    await project.write("out/types/operations.ts", `${await readFile(path, "utf8")}// hand edit\n`);
    const { code, stderr } = await project.cli("check");
    expect(code).toBe(1);
    expect(stderr).toContain("out/types/operations.ts  (differs)");
    expect(stderr).not.toContain("schema.ts");
  });

  it("tells the user to run the codegen's own generate command, never a repository script", async () => {
    await project.cli("generate", "--quiet");
    await project.write("out/types/aliases.ts", "// hand edit\n");
    const { code, stderr } = await project.cli("check");
    expect(code).toBe(1);
    expect(stderr.split("\n")[0]).toBe(
      "faxkit-codegen: generated output is stale (1 file); run `faxkit-codegen generate` and commit the result:",
    );
    expect(stderr).not.toContain("pnpm");
  });

  it("names the config in its advice when a config other than the default was used", async () => {
    await project.write("api.config.json", JSON.stringify(DEFAULT_CONFIG));
    const { code, stderr } = await project.cli("check", "--config", "api.config.json");
    expect(code).toBe(1);
    expect(stderr).toContain("run `faxkit-codegen generate --config api.config.json` and commit the result:");
  });

  it("fails when the spec changed but the output was not regenerated", async () => {
    await project.cli("generate", "--quiet");
    await project.write("spec.yaml", MINI_SPEC.replace("version: 1.0.0", "version: 1.1.0"));
    const { code, stderr } = await project.cli("check");
    expect(code).toBe(1);
    for (const file of ["schema.ts", "aliases.ts", "operations.ts", "spec-info.ts"]) expect(stderr).toContain(`out/types/${file}`);
    expect(stderr).toContain("out/resolved.json");
  });

  it("names files left over in the generated folder; generate removes only generated ones", async () => {
    await project.cli("generate", "--quiet");
    await project.write("out/types/old-file.ts", "/** Generated by @faxkit/codegen from an older spec */\nexport {};\n");
    await project.write("out/types/hand-made.ts", "export {};\n");
    const { code, stderr } = await project.cli("check");
    expect(code).toBe(1);
    expect(stderr).toContain("out/types/old-file.ts  (unexpected)");

    expect(stderr).toContain("out/types/hand-made.ts  (unexpected)");

    // generate removes what an older generation wrote, never a hand-made file.
    const regenerated = await project.cli("generate");
    expect(regenerated.stdout).toContain("removed   out/types/old-file.ts");
    expect(regenerated.stdout).not.toContain("hand-made.ts");
    const after = await project.cli("check");
    expect(after.stderr.trim().split("\n").slice(1)).toEqual(["  out/types/hand-made.ts  (unexpected)"]);
  });

  it("reports a missing output before the first generation", async () => {
    const { code, stderr } = await project.cli("check");
    expect(code).toBe(1);
    expect(stderr).toContain("out/types/schema.ts  (missing)");
  });
});

describe("faxkit-codegen usage", () => {
  it("prints usage and exits 2 on an unknown command", async () => {
    const project = await createTempProject();
    try {
      const { code, stderr } = await project.cli("frobnicate");
      expect(code).toBe(2);
      expect(stderr).toContain("Usage: faxkit-codegen <generate|check>");
      expect(stderr).toContain("faxkit-codegen init <spec>");
    } finally {
      await project.remove();
    }
  });
});

describe("faxkit-codegen init", () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
    await rm(join(project.root, "faxkit.config.json"));
  });
  afterEach(() => project.remove());

  it("writes a config that generate and check then use as they are", async () => {
    const init = await project.cli("init", "spec.yaml");
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain("Next: faxkit-codegen generate");
    const generated = await project.cli("generate", "--quiet");
    expect(generated.code, generated.stderr).toBe(0);
    const { code, stdout } = await project.cli("check");
    expect(code).toBe(0);
    expect(stdout).toContain("up to date");
  });

  it("refuses with exit 1 to replace a config it did not get --force for", async () => {
    await project.write("faxkit.config.json", JSON.stringify(DEFAULT_CONFIG));
    const { code, stdout, stderr } = await project.cli("init", "spec.yaml");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("faxkit.config.json already exists");
    expect(JSON.parse(await readFile(join(project.root, "faxkit.config.json"), "utf8"))).toEqual(DEFAULT_CONFIG);
  });

  it("exits 2 with its usage on bad arguments", async () => {
    const { code, stderr } = await project.cli("init");
    expect(code).toBe(2);
    expect(stderr).toContain("usage: faxkit-codegen init <spec>");
  });
});
