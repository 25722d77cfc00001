import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { Provenance } from "../../src/emit/banner.js";
import { describeOperations, emitOperationTable, type OperationRecord } from "../../src/emit/operation-table.js";

const document = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  security: [{ apiKey: [] }],
  components: {
    parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } },
    requestBodies: { Upload: { required: true, content: { "multipart/form-data": { schema: { type: "object" } } } } },
  },
  paths: {
    "/items/{id}": {
      parameters: [{ $ref: "#/components/parameters/Id" }, { name: "trace", in: "header", schema: { type: "string" } }],
      get: {
        operationId: "getItem",
        tags: ["Items", "Other"],
        parameters: [
          { name: "trace", in: "header", required: true, schema: { type: "string" } },
          { name: "q", in: "query" },
        ],
        responses: { "200": { description: "ok" }, "404": { description: "no" }, default: { description: "err" } },
      },
      post: {
        operationId: "uploadItem",
        requestBody: { $ref: "#/components/requestBodies/Upload" },
        security: [{ oauth: ["all"] }, { pat: ["items:edit", "items:all"] }],
        responses: { "201": { description: "made" }, "2XX": { description: "ok" }, "400": { description: "bad" } },
        deprecated: true,
      },
    },
  },
};

describe("describeOperations", () => {
  const [getItem, uploadItem] = describeOperations(document, "pat") as [OperationRecord, OperationRecord];

  it("merges path-item parameters with the operation's, which win by name and location", () => {
    expect(getItem).toMatchObject({ pathParams: ["id"], headerParams: ["trace"], queryParams: ["q"], requiredParams: ["id", "trace"] });
  });

  it("follows $refs to parameters and request bodies", () => {
    expect(uploadItem).toMatchObject({ pathParams: ["id"], requestContentType: "multipart/form-data", requestBodyRequired: true });
    expect(getItem).toMatchObject({ requestContentType: null, requestBodyRequired: false });
  });

  it("splits statuses into success (2xx, 2XX) and the rest (including default)", () => {
    expect(getItem).toMatchObject({ successStatuses: [200], errorStatuses: [404, "default"] });
    expect(uploadItem).toMatchObject({ successStatuses: [201, "2XX"], errorStatuses: [400] });
  });

  it("takes scopes from the configured scheme, falling back to the document's security", () => {
    expect(uploadItem.scopes).toEqual(["items:edit", "items:all"]);
    expect(uploadItem.security).toEqual([{ oauth: ["all"] }, { pat: ["items:edit", "items:all"] }]);
    expect(getItem.security).toEqual([{ apiKey: [] }]);
    expect(describeOperations(document, undefined)[1]?.scopes).toEqual(["all", "items:edit", "items:all"]);
  });

  it("records method, first tag, idempotency and deprecation", () => {
    expect(getItem).toMatchObject({ method: "GET", tag: "Items", idempotent: true, deprecated: false });
    expect(uploadItem).toMatchObject({ method: "POST", tag: null, idempotent: false, deprecated: true });
  });
});

describe("emitOperationTable", () => {
  const records = describeOperations(document, "pat");
  const provenance: Provenance = { spec: "spec.yaml", overlays: [], title: "t", version: "1" };

  /** The module's exports, as a user importing it would see them. */
  function evaluate(source: string): Record<string, unknown> {
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
    const exports: Record<string, unknown> = {};
    new Function("exports", js.outputText)(exports);
    return exports;
  }

  it("writes data only: every record keyed by operationId, and the ids in document order", () => {
    const text = emitOperationTable(records, provenance, "../operation-model.js");
    expect(text).not.toMatch(/\binterface\b/);
    const { operations, operationIds } = evaluate(text) as { operations: Record<string, unknown>; operationIds: string[] };
    expect(operationIds).toEqual(["getItem", "uploadItem"]);
    expect(operations).toEqual({ getItem: records[0], uploadItem: records[1] });
  });

  it("with a configured module imports OperationMeta type-only and checks the table against it, literal types kept", () => {
    const text = emitOperationTable(records, provenance, "@faxkit/types");
    expect(text).toContain('import type { OperationMeta } from "@faxkit/types";');
    expect(text).toContain("} as const satisfies Record<string, OperationMeta>;");
  });

  it("without a configured module is plain `as const` data that imports nothing, and compiles", () => {
    const text = emitOperationTable(records, provenance);
    expect(text).not.toMatch(/\bimport\b|OperationMeta/);
    expect(text).toContain("} as const;");
    const result = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
    expect(result.diagnostics).toEqual([]);
  });
});
