import { type OperationMeta, operations, type paths, resources } from "@faxkit/types";
import createClient from "openapi-fetch";
import { describe, expect, it, vi } from "vitest";
import { createFaxPlusClient } from "../../src/index.js";
import type { ClientContext } from "../../src/internal/client-context.js";
import { levelledLogger } from "../../src/internal/logger.js";
import { buildGenericResources } from "../../src/resources/generic-resources.js";

const BASE_URL = "https://api.test/v3";

type AnyMethod = (args?: unknown) => Promise<unknown>;
type AnyApi = Record<string, Record<string, AnyMethod>>;

/** A fetch that records what it was sent and answers `{}` (or 204 to a DELETE). */
function recorder() {
  const sent: { method: string; url: string }[] = [];
  const fetch = async (request: Request) => {
    sent.push({ method: request.method, url: request.url });
    return request.method === "DELETE" ? new Response(null, { status: 204 }) : Response.json({});
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

/** The client's context over a plain openapi-fetch client (no transport, no credentials). */
function contextOver(fetch: typeof globalThis.fetch, userId = "self"): ClientContext {
  return {
    client: createClient<paths>({ baseUrl: BASE_URL, fetch: (request: Request) => fetch(request) }),
    userId,
    secrets: () => [],
    logger: levelledLogger(undefined, "off"),
    send: (request: Request) => fetch(request),
  };
}

/** Where the resource map puts an operation, or `undefined` when it has no method. */
function placeOf(operationId: string): { group: string; method: string } | undefined {
  for (const [group, methods] of Object.entries(resources))
    for (const [method, id] of Object.entries(methods)) if (id === operationId) return { group, method };
  return undefined;
}

/** One row per operation of the operation table: a new operation in the spec gets a row by itself. */
const rows = Object.values(operations as Record<string, OperationMeta>).map((op) => {
  const args = Object.fromEntries(op.pathParams.filter((name) => name !== "user_id").map((name) => [name, `${name}-1`]));
  const url = BASE_URL + op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "user_id" ? "self" : `${name}-1`));
  const place = placeOf(op.operationId);
  const group = place?.group ?? "(none)";
  const name = place?.method ?? "(none)";
  return { operationId: op.operationId, group, name, title: `${group}.${name}`, args, verb: op.method, url, placed: place !== undefined };
});

/** Groups whose methods on the client are hand-written (documents in, documents out), not generic. */
const HAND_WRITTEN_GROUPS = new Set(["files"]);

describe("buildGenericResources", () => {
  it("answers a call made before its per-call code has loaded, withResponse() included", async () => {
    vi.resetModules(); // a fresh module: nothing loaded yet
    const fresh = await import("../../src/resources/generic-resources.js");
    const { fetch, sent } = recorder();
    const api = fresh.buildGenericResources(contextOver(fetch)) as unknown as Record<
      string,
      Record<string, (args?: unknown) => Promise<unknown> & { withResponse(): Promise<{ data: unknown; response: Response }> }>
    >;
    const [first, second] = [api.faxes?.list?.(), api.faxes?.list?.()];
    const { data, response } = await (first as NonNullable<typeof first>).withResponse();
    expect(data).toEqual({});
    expect(response.status).toBe(200);
    expect(await second).toEqual({});
    expect(sent).toHaveLength(2);
  });

  it("has one row per operation, each placed once in the resource map", () => {
    expect(rows).toHaveLength(Object.keys(operations).length);
    expect(rows.length).toBeGreaterThanOrEqual(28);
    expect(rows.filter((row) => !row.placed).map((row) => row.operationId)).toEqual([]);
    expect(new Set(rows.map((row) => row.title)).size).toBe(rows.length);
  });

  it.each(rows)("$title sends $verb $url ($operationId)", async (row) => {
    expect(row.placed, `${row.operationId} is missing from the resource map`).toBe(true);
    const { fetch, sent } = recorder();
    const api = buildGenericResources(contextOver(fetch)) as unknown as AnyApi;
    const method = api[row.group]?.[row.name];
    expect(method).toBeTypeOf("function");
    await (method as AnyMethod)(row.args);
    expect(sent).toEqual([{ method: row.verb, url: row.url }]);
  });

  it("has exactly the groups and methods of the resource map", () => {
    const api = buildGenericResources(contextOver(recorder().fetch)) as unknown as AnyApi;
    const shape = (o: Record<string, object>) => Object.fromEntries(Object.entries(o).map(([g, m]) => [g, Object.keys(m).sort()]));
    expect(shape(api)).toEqual(shape(resources));
  });

  it("fills user_id from the context's userId", async () => {
    const { fetch, sent } = recorder();
    await (buildGenericResources(contextOver(fetch, "member-7")) as unknown as AnyApi).faxes?.list?.();
    expect(sent[0]?.url).toBe(`${BASE_URL}/accounts/member-7/faxes`);
  });
});

describe("the client's resource API", () => {
  it.each(rows)("fax.$title exists ($operationId)", (row) => {
    const fax = createFaxPlusClient({ fetch: recorder().fetch, baseUrl: BASE_URL }) as unknown as AnyApi;
    expect(fax[row.group]?.[row.name]).toBeTypeOf("function");
  });

  it.each(rows.filter((row) => !HAND_WRITTEN_GROUPS.has(row.group)))("fax.$title sends $verb $url", async (row) => {
    const { fetch, sent } = recorder();
    const fax = createFaxPlusClient({ fetch, token: "t", baseUrl: BASE_URL }) as unknown as AnyApi;
    await fax[row.group]?.[row.name]?.(row.args);
    expect(sent).toEqual([{ method: row.verb, url: row.url }]);
  });

  it("uses the `userId` option wherever a call gives no user_id", async () => {
    const { fetch, sent } = recorder();
    const fax = createFaxPlusClient({ fetch, token: "t", baseUrl: BASE_URL, userId: "member-42" });
    await fax.faxes.list();
    await fax.faxes.get({ fax_id: "f1" });
    await fax.outbox.delete({ outbox_fax_id: "o1" });
    expect(sent.map((s) => s.url)).toEqual([
      `${BASE_URL}/accounts/member-42/faxes`,
      `${BASE_URL}/accounts/member-42/faxes/f1`,
      `${BASE_URL}/accounts/member-42/outbox/o1`,
    ]);
  });

  it("lets a call's user_id win over the `userId` option", async () => {
    const { fetch, sent } = recorder();
    const fax = createFaxPlusClient({ fetch, token: "t", baseUrl: BASE_URL, userId: "member-42" });
    await fax.faxes.get({ fax_id: "f1", user_id: "self" });
    expect(sent[0]?.url).toBe(`${BASE_URL}/accounts/self/faxes/f1`);
  });

  it("encodes path parameters, so an id cannot reach another path", async () => {
    const { fetch, sent } = recorder();
    const fax = createFaxPlusClient({ fetch, token: "t", baseUrl: BASE_URL });
    await fax.faxes.get({ fax_id: "../../hooks/x y" });
    await fax.numbers.get({ number: "+15550001" });
    expect(sent.map((s) => s.url)).toEqual([
      `${BASE_URL}/accounts/self/faxes/..%2F..%2Fhooks%2Fx%20y`,
      `${BASE_URL}/accounts/self/numbers/%2B15550001`,
    ]);
  });
});
