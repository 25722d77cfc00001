import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config.js";
import { generate } from "../../src/index.js";
import { typeCheck } from "../helpers/generated-project.js";

/**
 * Validators generated for a spec other than Fax.Plus type their functions with that spec's
 * own types: without `validators.types` in the config, `validate.ts`, `is.ts` and `assert.ts`
 * import the aliases generated in the same run, by relative path.
 */
const RUNTIME = fileURLToPath(new URL("../../../validator/src/internal/runtime.ts", import.meta.url));

const petstore = {
  openapi: "3.0.3",
  info: { title: "Petstore", version: "1.0.0" },
  paths: {
    "/pets": {
      post: {
        operationId: "addPet",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/NewPet" } } } },
        responses: {
          "200": { description: "pet", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
          default: { description: "error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/pets/{id}": {
      get: {
        operationId: "findPetById",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", format: "int64" } }],
        responses: {
          "200": { description: "pet", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
          default: { description: "error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      NewPet: { type: "object", required: ["name"], properties: { name: { type: "string" }, tag: { type: "string" } } },
      Pet: {
        allOf: [{ $ref: "#/components/schemas/NewPet" }, { type: "object", required: ["id"], properties: { id: { type: "integer" } } }],
      },
      Error: { type: "object", required: ["code", "message"], properties: { code: { type: "integer" }, message: { type: "string" } } },
    },
  },
};

// What a user of the petstore validators writes: the Error schema's functions narrow to the
// petstore's Error (code and message), which Fax.Plus's error type does not have.
const CONSUMER = `import * as validate from "./out/validators/validate.js";
import * as is from "./out/validators/is.js";
declare const input: unknown;
declare function use(...values: unknown[]): void;
const result = validate.ErrorModel(input);
if (result.ok) {
  const code: number = result.value.code;
  const message: string = result.value.message;
  use(code, message);
}
if (is.Pet(input)) {
  const id: number = input.id;
  const name: string = input.name;
  use(id, name);
}
`;

describe("validators for another spec", () => {
  let root = "";
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "faxkit-hostile-petstore-"));
    await writeFile(join(root, "spec.json"), JSON.stringify(petstore));
    await writeFile(join(root, "package.json"), '{ "type": "module" }\n');
    await writeFile(join(root, "consumer.ts"), CONSUMER);
    const raw = {
      spec: "spec.json",
      outputs: { types: "out/types", validators: "out/validators" },
      validators: { runtime: RUNTIME.replace(/\.ts$/, ".js").split(sep).join("/") },
    };
    await generate({ config: await resolveConfig(raw, join(root, "faxkit.config.json")) });
  }, 60_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("import the types generated in the same run, by relative path", async () => {
    for (const file of ["validate.ts", "is.ts", "assert.ts"]) {
      const text = await readFile(join(root, "out", "validators", file), "utf8");
      expect(text).toContain('import type * as T from "../types/aliases.js";');
      expect(text).not.toContain("@faxkit/types");
    }
  });

  it("type-check, with T.Error being the petstore's Error", () => {
    const entry = join(root, "consumer.ts");
    expect(typeCheck([entry]).get(entry) ?? []).toEqual([]);
  }, 60_000);

  it("a property the petstore's Error does not have is a type error", async () => {
    const entry = join(root, "wrong.ts");
    await writeFile(entry, `${CONSUMER}\nif (is.ErrorModel(input)) use(input.description.length);\n`);
    expect((typeCheck([entry]).get(entry) ?? []).join("\n")).toMatch(/Property 'description' does not exist/);
  }, 60_000);
});
