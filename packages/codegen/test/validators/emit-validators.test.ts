import { describe, expect, it } from "vitest";
import { emitValidatorModules } from "../../src/validators/emit-validators.js";

const provenance = { spec: "spec.yaml", overlays: [], title: "Mini", version: "1" };
const targets = { runtime: "../internal/runtime.js", types: "@faxkit/types" };
const document = {
  openapi: "3.0.3",
  info: { title: "Mini", version: "1" },
  paths: {
    "/things/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: "getThing",
        parameters: [{ name: "depth", in: "query", schema: { type: "integer", minimum: 0 } }],
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
          "204": { description: "none" },
          "206": { description: "pdf", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        properties: {
          id: { type: "string", pattern: "^t" },
          parent: { $ref: "#/components/schemas/Thing" },
          tag: { $ref: "#/components/schemas/simple-tag" },
        },
      },
      "simple-tag": { type: "string", enum: ["a", "b"] },
    },
  },
};

describe("emitValidatorModules", () => {
  const modules = new Map(emitValidatorModules(document, provenance, targets).map((m) => [m.path, m.content]));

  it("writes one module per schema and per operation, plus the public functions and the operation index", () => {
    expect([...modules.keys()].sort()).toEqual([
      "assert.ts",
      "is.ts",
      "named.ts",
      "operation-loaders.ts",
      "operations.ts",
      "operations/GetThing.ts",
      "schemas/SimpleTag.ts",
      "schemas/Thing.ts",
      "validate.ts",
    ]);
  });

  it("re-exports every public function under a flat name, for tree-shakable named imports from a package root", () => {
    const named = modules.get("named.ts") ?? "";
    expect(named).toContain('  Thing as validateThing,\n  SimpleTag as validateSimpleTag,\n} from "./validate.js";');
    expect(named).toContain('  Thing as isThing,\n  SimpleTag as isSimpleTag,\n} from "./is.js";');
    expect(named).toContain('  Thing as assertThing,\n  SimpleTag as assertSimpleTag,\n} from "./assert.js";');
  });

  it("writes a loader per operation with a literal import() specifier, so a new operation gets one on regeneration", () => {
    const loaders = modules.get("operation-loaders.ts") ?? "";
    expect(loaders).toContain('"getThing": () => import("./operations/GetThing.js"),');
    expect(loaders).toContain('import type { operationValidators, ValidatedOperationId } from "./operations.js";');
  });

  it("imports referenced schemas instead of inlining them, and refers to itself for recursion", () => {
    const thing = modules.get("schemas/Thing.ts") as string;
    expect(thing).toContain('import { check as SimpleTag_check } from "./SimpleTag.js";');
    expect(thing).not.toContain('from "./Thing.js"');
    expect(thing).toMatch(/return n < MAX_DEPTH && test\(v, r, n \+ 1\);/);
    expect(thing).toContain('from "../../internal/runtime.js"');
    expect(modules.get("schemas/SimpleTag.ts")).not.toMatch(/import \{ check as/);
  });

  it("compiles patterns once, at module level, marked pure for tree-shaking", () => {
    expect(modules.get("schemas/Thing.ts")).toMatch(/^const pattern\d+ = \/\* @__PURE__ \*\/ new RegExp\("\^t", "u"\);$/m);
  });

  it("describes each response status by kind", () => {
    const op = modules.get("operations/GetThing.ts") as string;
    expect(op).toMatch(/"200": \{ kind: "json", check: \w+ \}/);
    expect(op).toContain('"204": { kind: "empty", contentTypes: [] }');
    expect(op).toContain('"206": { kind: "other", contentTypes: ["application/pdf"] }');
    expect(op).toContain("export const body: Check | null = null;");
    expect(op).toContain('export const method = "GET";');
  });

  it("types the public functions with the schema's alias", () => {
    expect(modules.get("validate.ts")).toContain("export function SimpleTag(value: unknown): ValidationResult<T.SimpleTag> {");
    expect(modules.get("is.ts")).toContain("export function Thing(value: unknown): value is T.Thing {");
    expect(modules.get("assert.ts")).toContain("export function Thing(value: unknown): asserts value is T.Thing {");
    expect(modules.get("assert.ts")).toContain('throw assertionError(SimpleTag_check, value, "simple-tag");');
  });

  it("imports only the runtime helpers a module uses, and needs no lint suppression", () => {
    const tag = modules.get("schemas/SimpleTag.ts") as string;
    expect(tag).toContain('import { drift, fail, show, typeName } from "../../internal/runtime.js";');
    expect(tag).toContain('import type { Check, Ctx, Value } from "../../internal/runtime.js";');
    for (const content of modules.values()) {
      expect(content).not.toMatch(/biome-ignore|eslint-disable|: any\b/);
      expect(content.split("\n").filter((line) => line.length > 160)).toEqual([]);
    }
  });

  it("never emits eval or the Function constructor", () => {
    for (const content of modules.values()) expect(content).not.toMatch(/\beval\(|new Function/);
  });
});
