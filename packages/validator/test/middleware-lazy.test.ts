import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { operationCalls, type paths } from "@faxkit/types";
import createClient from "openapi-fetch";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { operationValidators } from "../src/generated/operations.js";
import { loadOperationValidators } from "../src/internal/lazy-operation-validators.js";
import type { ValidationMiddlewareOptions } from "../src/middleware.js";

/**
 * The middleware loads an operation's validators on that operation's first call. Each
 * generated operation module is wrapped so the test sees when it is imported; the
 * middleware is imported afresh per test, so every test starts with nothing loaded.
 */
const OPERATIONS_DIR = fileURLToPath(new URL("../src/generated/operations/", import.meta.url));
const operationFiles = readdirSync(OPERATIONS_DIR)
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.slice(0, -".ts".length));

let loaded: string[] = [];

beforeEach(() => {
  loaded = [];
  vi.resetModules();
  for (const file of operationFiles) {
    vi.doMock(`../src/generated/operations/${file}.js`, async (importOriginal) => {
      loaded.push(file);
      return importOriginal();
    });
  }
});

async function clientWith(reply: () => Response, options: ValidationMiddlewareOptions = {}) {
  const { validationMiddleware } = await import("../src/middleware.js");
  const sent: Request[] = [];
  const client = createClient<paths>({
    baseUrl: "https://restapi.fax.plus/v3",
    fetch: async (request: Request) => {
      sent.push(request);
      return reply();
    },
  });
  client.use(validationMiddleware(options));
  return { client, sent };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const bulkResult = { results: [{ id: "a1b2", code: 204 }] };
const user = { path: { user_id: "self" } };
const tooManyIds = { ids: Array.from({ length: 101 }, (_, i) => `id${i}`), is_read: true };

describe("validationMiddleware loads validators per operation", () => {
  it("loads nothing until a call is made", async () => {
    await clientWith(() => json(bulkResult));
    expect(loaded).toEqual([]);
  });

  it("loads only the called operation's validators, once however often it is called", async () => {
    const { client } = await clientWith(() => json(bulkResult));
    await Promise.all([
      client.PUT("/accounts/{user_id}/faxes", { params: user, body: { ids: ["a"], is_read: true } }),
      client.PUT("/accounts/{user_id}/faxes", { params: user, body: { ids: ["b"], is_read: true } }),
    ]);
    await client.PUT("/accounts/{user_id}/faxes", { params: user, body: { ids: ["c"], is_read: true } });
    expect(loaded).toEqual(["BulkUpdateFaxes"]);
  });

  it("loads a second operation's validators when that operation is first called", async () => {
    const { client } = await clientWith(() => json({ data: { records: [] } }));
    await expect(client.GET("/accounts/{user_id}/faxes", { params: { ...user, query: { limit: 0 } } })).rejects.toThrow(
      "/params/query/limit: must be >= 1 (got 0)",
    );
    expect(loaded).toEqual(["ListFaxes"]);
    await client.GET("/accounts/{user_id}/numbers", { params: user }).catch(() => undefined);
    expect(loaded).toEqual(["ListFaxes", "ListNumbers"]);
  });

  it("passes a path the spec does not have through untouched, loading nothing", async () => {
    const { client, sent } = await clientWith(() => json({ anything: true }));
    const { data } = await client.GET("/internal/health" as never);
    expect(data).toEqual({ anything: true });
    expect(sent).toHaveLength(1);
    expect(loaded).toEqual([]);
  });
});

describe("validationMiddleware with a side turned off", () => {
  it("request: false sends an invalid request unchecked, and still rejects a response that breaks the spec", async () => {
    const { client, sent } = await clientWith(() => json({ results: [{ code: 204 }] }), { request: false });
    await expect(client.PUT("/accounts/{user_id}/faxes", { params: user, body: tooManyIds })).rejects.toThrow(
      "invalid bulkUpdateFaxes response 200: /results/0: must have required property 'id'",
    );
    expect(sent).toHaveLength(1);
  });

  it('response: "off" still rejects an invalid request, and lets any response through', async () => {
    const { client, sent } = await clientWith(() => json({ nonsense: true }), { response: "off" });
    await expect(client.PUT("/accounts/{user_id}/faxes", { params: user, body: tooManyIds })).rejects.toThrow(
      "invalid bulkUpdateFaxes request: /body/ids: must have at most 100 items (got 101)",
    );
    expect(sent).toHaveLength(0);
    const { data } = await client.PUT("/accounts/{user_id}/faxes", { params: user, body: { ids: ["a"], is_read: true } });
    expect(data).toEqual({ nonsense: true });
  });

  it('request: false with response: "off" checks nothing and loads no validator', async () => {
    const { client, sent } = await clientWith(() => json({ nonsense: true }), { request: false, response: "off" });
    const { data } = await client.PUT("/accounts/{user_id}/faxes", { params: user, body: tooManyIds });
    expect(data).toEqual({ nonsense: true });
    expect(sent).toHaveLength(1);
    expect(loaded).toEqual([]);
  });
});

describe("the lazy operation table", () => {
  it("has a loader for every generated operation, landing on that operation", async () => {
    const ids = Object.keys(operationValidators);
    expect(ids).toHaveLength(operationFiles.length);
    for (const operationId of ids) {
      const op = await loadOperationValidators(operationId);
      expect(op?.operationId, operationId).toBe(operationId);
    }
  });

  it("matches @faxkit/types' call table route for route, which the middleware looks operations up in", async () => {
    expect(Object.keys(operationCalls).sort()).toEqual(Object.keys(operationValidators).sort());
    for (const [operationId, call] of Object.entries(operationCalls)) {
      const op = await loadOperationValidators(operationId);
      expect({ method: op?.method, path: op?.path }, operationId).toEqual({ method: call.method, path: call.path });
    }
  });

  it("has no loader for an unknown id, an inherited key included", () => {
    expect(loadOperationValidators("sendFaxes")).toBeUndefined();
    expect(loadOperationValidators("toString")).toBeUndefined();
    expect(loadOperationValidators("__proto__")).toBeUndefined();
  });
});
