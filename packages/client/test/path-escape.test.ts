import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFaxPlusClient } from "../src/index.js";
import { type FaultServer, json, startFaultServer } from "./helpers/fault-server.js";

/**
 * A path parameter that is empty or a dot segment would move a request to another resource:
 * `faxes.delete({ fax_id: ".." })` would be `DELETE /accounts/self/`. Each such value is a
 * TypeError before anything is sent — through the resource methods and the raw methods alike.
 * The loopback server answers every path, so a request that slipped through would be seen.
 */
let server: FaultServer;
const everyPath = new Proxy({}, { get: () => (_req: unknown, res: Parameters<typeof json>[0]) => json(res, 200, {}) });

beforeAll(async () => {
  server = await startFaultServer(everyPath);
});
afterAll(() => server.close());

const client = () => createFaxPlusClient({ baseUrl: `${server.url}/v3`, token: "tok_SECRET_123", maxRetries: 0 });
const HOSTILE = ["..", ".", "%2e%2E", ".%2e", "%2E.", "%2e"];

describe("path parameters that would change the path are refused before sending", () => {
  it.each(HOSTILE)("faxes.delete({ fax_id: %j }) is a TypeError naming the operation and the parameter", async (value) => {
    const before = server.totalHits();
    const error = await client()
      .faxes.delete({ fax_id: value })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      `deleteFax (DELETE /accounts/{user_id}/faxes/{fax_id}): path parameter "fax_id" must not be empty, "." or ".." (got ${JSON.stringify(value)})`,
    );
    expect(server.totalHits()).toBe(before);
  });

  it('user_id "." on faxes.get is refused (it would have read /accounts/faxes/…)', async () => {
    const before = server.totalHits();
    await expect(client().faxes.get({ user_id: ".", fax_id: "f1" })).rejects.toThrow(
      'getFax (GET /accounts/{user_id}/faxes/{fax_id}): path parameter "user_id" must not be empty, "." or ".." (got ".")',
    );
    expect(server.totalHits()).toBe(before);
  });

  it.each(HOSTILE)("raw fax.DELETE with fax_id %j is a TypeError naming the path template and the parameter", async (value) => {
    const before = server.totalHits();
    const error = await client()
      .DELETE("/accounts/{user_id}/faxes/{fax_id}", { params: { path: { user_id: "self", fax_id: value } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      `/accounts/{user_id}/faxes/{fax_id}: path parameter "fax_id" must not be empty, "." or ".." (got ${JSON.stringify(value)})`,
    );
    expect(server.totalHits()).toBe(before);
  });

  it.each(["GET", "PUT"] as const)("raw fax.%s with an empty user_id is refused", async (method) => {
    const before = server.totalHits();
    const call =
      method === "GET"
        ? client().GET("/accounts/{user_id}", { params: { path: { user_id: "" } } })
        : client().PUT("/accounts/{user_id}", { params: { path: { user_id: "" } }, body: {} });
    await expect(call).rejects.toThrow('/accounts/{user_id}: path parameter "user_id" must not be empty, "." or ".." (got "")');
    expect(server.totalHits()).toBe(before);
  });

  it("files.download refuses a percent-encoded dot segment as well", async () => {
    const before = server.totalHits();
    await expect(client().files.download("%2e%2e")).rejects.toThrow(TypeError);
    expect(server.totalHits()).toBe(before);
  });

  it("ordinary IDs, including ones with dots inside, are sent encoded as before", async () => {
    await client().faxes.get({ fax_id: "a.b..c" });
    await client().GET("/accounts/{user_id}/faxes/{fax_id}", { params: { path: { user_id: "self", fax_id: "..x" } } });
    expect(server.hits("/v3/accounts/self/faxes/a.b..c")).toBe(1);
    expect(server.hits("/v3/accounts/self/faxes/..x")).toBe(1);
  });
});
