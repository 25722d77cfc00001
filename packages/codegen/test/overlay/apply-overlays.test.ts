import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodegenError } from "../../src/errors/CodegenError.js";
import { applyOverlays } from "../../src/overlay/apply-overlays.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faxkit-overlay-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const spec = () => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/a/{id}": {
      get: {
        operationId: "getA",
        parameters: [
          { name: "id", in: "path", schema: { type: "string" } },
          { name: "after", in: "query", schema: { type: "string" } },
        ],
      },
    },
  },
  components: { schemas: { A: { type: "object", required: ["x", "y"], properties: { x: {}, y: {} } } } },
});

async function overlayFile(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `overlay: 1.0.0\ninfo: { title: test, version: 1.0.0 }\n${body}`);
  return path;
}

describe("applyOverlays", () => {
  it("updates by JSONPath (filters and quoted path keys included) without touching the input", async () => {
    const input = spec();
    const file = await overlayFile(
      "filter.yaml",
      "actions:\n  - target: $.paths['/a/{id}'].get.parameters[?(@.name == 'after')].schema\n    update: { pattern: '^x$' }\n",
    );
    const output = (await applyOverlays(input, [file])) as ReturnType<typeof spec>;
    expect(output.paths["/a/{id}"].get.parameters[1]?.schema).toEqual({ type: "string", pattern: "^x$" });
    expect(output.paths["/a/{id}"].get.parameters[0]?.schema).toEqual({ type: "string" });
    expect(input).toEqual(spec());
  });

  it("replaces a list with remove followed by update (update alone appends)", async () => {
    const file = await overlayFile(
      "replace.yaml",
      "actions:\n  - target: $.components.schemas.A.required\n    remove: true\n  - target: $.components.schemas.A\n    update: { required: [x] }\n",
    );
    const output = (await applyOverlays(spec(), [file])) as ReturnType<typeof spec>;
    expect(output.components.schemas.A.required).toEqual(["x"]);
  });

  it("applies files in the order given, each on the result of the last", async () => {
    const first = await overlayFile("first.yaml", "actions:\n  - target: $.info\n    update: { x-steps: [first] }\n");
    const second = await overlayFile("second.yaml", "actions:\n  - target: $.info\n    update: { x-steps: [second] }\n");
    const output = (await applyOverlays(spec(), [second, first])) as { info: Record<string, unknown> };
    expect(output.info["x-steps"]).toEqual(["second", "first"]);
  });

  it.each([
    [
      "a target that matches nothing",
      "actions:\n  - target: $.components.schemas.Missing\n    update: { a: 1 }\n",
      "OVERLAY_TARGET_UNMATCHED",
      /action #1 targets \$\.components\.schemas\.Missing, which matches nothing/,
    ],
    [
      "a removal that matches nothing",
      "actions:\n  - target: $.info.gone\n    remove: true\n",
      "OVERLAY_TARGET_UNMATCHED",
      /matches nothing/,
    ],
    ["no actions", "actions: []\n", "OVERLAY_INVALID", /`actions` must be a non-empty list/],
    [
      "a target that is not JSONPath",
      "actions:\n  - target: components.schemas\n    update: {}\n",
      "OVERLAY_INVALID",
      /must be a JSONPath expression/,
    ],
    ["neither update nor remove", "actions:\n  - target: $.info\n", "OVERLAY_INVALID", /neither `update` nor `remove: true`/],
    [
      "both update and remove",
      "actions:\n  - target: $.info\n    update: {}\n    remove: true\n",
      "OVERLAY_INVALID",
      /both `update` and `remove`/,
    ],
  ])("rejects %s", async (_name, body, code, message) => {
    const file = await overlayFile("bad.yaml", body);
    const error = await applyOverlays(spec(), [file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).code).toBe(code);
    expect((error as CodegenError).message).toMatch(message);
    expect((error as CodegenError).message).toContain("bad.yaml:");
  });
});
