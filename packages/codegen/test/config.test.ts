import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodegenError, resolveConfig } from "../src/index.js";

let root: string;
const configFile = () => join(root, "faxkit.config.json");
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "faxkit-config-"));
  await mkdir(join(root, "overlays"));
  for (const name of ["10-b.yaml", "02-a.yml", "notes.md", "03-c.json"]) await writeFile(join(root, "overlays", name), "");
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("resolveConfig", () => {
  it("makes paths absolute and expands overlay folders into their YAML/JSON files by name", async () => {
    const config = await resolveConfig({ spec: "spec.yaml", overlays: ["overlays"], outputs: { types: "gen" } }, configFile());
    expect(config.spec).toBe(join(root, "spec.yaml"));
    expect(config.outputs).toEqual({ types: join(root, "gen"), resolvedSpec: undefined });
    expect(config.overlays).toEqual(["02-a.yml", "03-c.json", "10-b.yaml"].map((name) => join(root, "overlays", name)));
  });

  it.each([
    [
      "an output folder outside the root",
      { spec: "s.yaml", outputs: { types: "../x" } },
      "OUTPUT_OUTSIDE_ROOT",
      /`outputs.types` resolves to .* outside the project root/,
    ],
    [
      "an absolute output path elsewhere",
      { spec: "s.yaml", outputs: { types: "/etc/faxkit" } },
      "OUTPUT_OUTSIDE_ROOT",
      /outside the project root/,
    ],
    ["the root itself as output", { spec: "s.yaml", outputs: { types: "." } }, "OUTPUT_OUTSIDE_ROOT", /outside the project root/],
    [
      "a resolved spec outside the root",
      { spec: "s.yaml", outputs: { types: "gen", resolvedSpec: "../r.json" } },
      "OUTPUT_OUTSIDE_ROOT",
      /`outputs.resolvedSpec`/,
    ],
    ["a missing spec", { outputs: { types: "gen" } }, "CONFIG_INVALID", /`spec` must be/],
    [
      "overlays that are not a list",
      { spec: "s.yaml", overlays: "overlays", outputs: { types: "gen" } },
      "CONFIG_INVALID",
      /`overlays` must be a list/,
    ],
    [
      "an overlay that does not exist",
      { spec: "s.yaml", overlays: ["nope.yaml"], outputs: { types: "gen" } },
      "FILE_NOT_FOUND",
      /overlay .*nope\.yaml does not exist/,
    ],
    ["not an object", ["spec.yaml"], "CONFIG_INVALID", /must be a JSON object/],
  ])("rejects %s", async (_name, raw, code, message) => {
    const error = await resolveConfig(raw, configFile()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).code).toBe(code);
    expect((error as CodegenError).message).toMatch(message);
  });
});
