/**
 * What only the `msw` project has (so this file runs there alone): the fake answers through MSW
 * handlers in this process, at a host that does not resolve, and MSW refuses anything else
 * (`onUnhandledRequest: "error"`), so no request of the suite leaves the process by accident.
 * The scenarios and contract files then run on it unchanged (test/helpers/backend.ts).
 */
import { describe, expect, it } from "vitest";
import { backendForFile } from "../helpers/backend.js";
import { contractClient, TOKEN } from "../helpers/client.js";
import { MSW_BASE_URL } from "../helpers/msw-fake.js";

const server = backendForFile();
const auth = { authorization: `Bearer ${TOKEN}` };

describe("the fake through its MSW front end", () => {
  it("answers at the handlers' base URL, a .test host no socket could reach, and logs the request", async () => {
    expect(server.url).toBe(MSW_BASE_URL);
    const { fax } = contractClient(server.url);
    const account = await fax.accounts.get();
    expect(account.uid).toEqual(expect.any(String));
    expect(server.fake.requests.map((r) => `${r.operationId} ${r.status}`)).toEqual(["getUser 200"]);
  });

  it("a path under the base URL that names no operation is the fake's own 404, not MSW's refusal", async () => {
    const response = await fetch(`${server.url}/no-such-resource`, { headers: auth });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: expect.any(String), description: expect.any(String) });
  });

  // MSW prints its "[MSW] Error: intercepted a request without a matching request handler" for each: expected here.
  it("a request outside the base URL is refused in process: fetch rejects and the fake sees nothing", async () => {
    const refused = /onUnhandledRequest/;
    await expect(fetch("http://fake.test/v2/accounts/self", { headers: auth })).rejects.toThrow(refused);
    await expect(fetch("http://127.0.0.1:9/v3/accounts/self", { headers: auth })).rejects.toThrow(refused);
    expect(server.fake.requests).toHaveLength(0);
  });
});
