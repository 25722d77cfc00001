import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type OperationMeta, operationIds, operations, specInfo } from "../src/index.js";

const RESOLVED = fileURLToPath(new URL("../../../openapi/dist/faxplus.resolved.json", import.meta.url));

/** Operations in the resolved spec: the tests follow the spec, so a spec update does not need them edited. */
function countOperations(file: string): number {
  const spec = JSON.parse(readFileSync(file, "utf8")) as { paths: Record<string, Record<string, unknown>> };
  const methods = new Set(["get", "put", "post", "delete", "patch", "options", "head", "trace"]);
  return Object.values(spec.paths).flatMap((item) => Object.keys(item).filter((key) => methods.has(key))).length;
}

const table: readonly OperationMeta[] = Object.values(operations);

describe("operation table", () => {
  it("has one entry per operation of the resolved spec (28 in 3.4.0), and spec info agrees", () => {
    const count = countOperations(RESOLVED);
    expect(count).toBeGreaterThan(0);
    expect(table).toHaveLength(count);
    expect(specInfo.operationCount).toBe(count);
    const { info } = JSON.parse(readFileSync(RESOLVED, "utf8")) as { info: { version: string } };
    expect(specInfo.version).toBe(info.version);
  });

  it("is keyed by operationId and matches operationIds", () => {
    for (const [key, meta] of Object.entries(operations)) expect(meta.operationId).toBe(key);
    expect(operationIds).toEqual(Object.keys(operations));
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it("has one operation per method and path", () => {
    const routes = table.map(({ method, path }) => `${method} ${path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });
});

describe("bulkUpdateFaxes", () => {
  const op = operations.bulkUpdateFaxes;

  it.each([
    ["method", "PUT"],
    ["path", "/accounts/{user_id}/faxes"],
    ["tag", "Faxes"],
    ["pathParams", ["user_id"]],
    ["requestContentType", "application/json"],
    ["requestBodyRequired", true],
    ["successStatuses", [200]],
    ["scopes", ["fax:all:edit", "fax:fax:edit"]],
    ["idempotent", true],
  ] as const)("%s is %j", (field, expected) => {
    expect(op[field]).toStrictEqual(expected);
  });

  it.each([400, 401, 500])("documents error status %i", (status) => {
    expect(op.errorStatuses).toContain(status);
  });
});

describe("other operations", () => {
  it("sendFax is a non-idempotent POST answering 201", () => {
    expect(operations.sendFax.method).toBe("POST");
    expect(operations.sendFax.idempotent).toBe(false);
    expect(operations.sendFax.successStatuses).toStrictEqual([201]);
  });

  it("listFaxes takes category, after, before, limit as query parameters", () => {
    expect(operations.listFaxes.queryParams).toStrictEqual(["category", "after", "before", "limit"]);
  });

  it("uploadFile sends multipart/form-data", () => {
    expect(operations.uploadFile.requestContentType).toBe("multipart/form-data");
  });

  it("getWebhooks requires the event query parameter", () => {
    expect(operations.getWebhooks.queryParams).toContain("event");
    expect(operations.getWebhooks.requiredParams).toContain("event");
  });
});

/** RFC 9110 §9.2.2: GET, HEAD, OPTIONS, TRACE, PUT and DELETE are idempotent; POST and PATCH are not. */
const IDEMPOTENT_METHODS: Record<OperationMeta["method"], boolean> = {
  GET: true,
  HEAD: true,
  OPTIONS: true,
  TRACE: true,
  PUT: true,
  DELETE: true,
  POST: false,
  PATCH: false,
};

describe("idempotency follows the method", () => {
  it.each(
    table.map(({ operationId, method, idempotent }) => [operationId, method, idempotent] as const),
  )("%s (%s)", (_operationId, method, idempotent) => {
    expect(idempotent).toBe(IDEMPOTENT_METHODS[method]);
  });
});
