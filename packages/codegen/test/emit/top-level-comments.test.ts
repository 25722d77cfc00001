import { describe, expect, it } from "vitest";
import type { Provenance } from "../../src/emit/banner.js";
import { emitSchemaAliases } from "../../src/emit/schema-aliases.js";
import { emitSchemaTypes } from "../../src/emit/schema-types.js";

const PROVENANCE: Provenance = { spec: "openapi/pets.yaml", overlays: [], title: "Pets", version: "1.0.0" };

function petsSpec() {
  return {
    openapi: "3.0.3",
    info: { title: "Pets", version: "1.0.0" },
    paths: {
      "/pets": { get: { operationId: "listPets", responses: { "200": { description: "ok" } } } },
    },
    components: {
      schemas: {
        Pet: { type: "object", description: "A pet.", properties: { id: { type: "string" } } },
        Error: { type: "object", properties: { error: { type: "string" } } },
      },
    },
  };
}

/** The doc comment right above `export <kind> <name>`, or undefined. */
function commentAbove(source: string, declaration: string): string | undefined {
  const at = source.indexOf(`${declaration} `);
  if (at === -1) return undefined;
  return /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*$/.exec(source.slice(0, at))?.[1];
}

describe("doc comments for every public name of the generated types", () => {
  it("describes paths, components, operations, webhooks and $defs, which openapi-typescript leaves bare", async () => {
    const source = await emitSchemaTypes(petsSpec(), PROVENANCE, "openapi/pets.yaml");
    expect(commentAbove(source, "export interface paths")).toContain("Every path of the API by URL template");
    expect(commentAbove(source, "export interface components")).toContain("reusable parts");
    expect(commentAbove(source, "export interface operations")).toContain("by its `operationId`");
    expect(commentAbove(source, "export type webhooks")).toContain("`webhooks`");
    expect(commentAbove(source, "export type $defs")).toContain("`$defs`");
  });

  it("gives an alias whose schema has no description a line naming the schema, and keeps a description as written", () => {
    const source = emitSchemaAliases(petsSpec(), PROVENANCE);
    expect(commentAbove(source, "export type ErrorModel")).toContain("The `Error` schema of the spec, which gives it no description.");
    expect(commentAbove(source, "export type Pet")?.trim()).toBe("* A pet.");
  });
});
