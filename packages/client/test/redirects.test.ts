import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFaxPlusClient, RedirectError } from "../src/index.js";
import { type FaultServer, json, startFaultServer } from "./helpers/fault-server.js";

/**
 * The client never follows a redirect: one to another origin would receive `x-fax-clientid`,
 * the token and the request body, and its answer would pass for the API's. A 3xx is a
 * RedirectError naming the status and where it pointed (without credentials or query string).
 * Two loopback servers on different ports are two origins; the second must see nothing.
 */
let api: FaultServer;
let elsewhere: FaultServer;
const TOKEN = "tok_SECRET_123";

beforeAll(async () => {
  elsewhere = await startFaultServer({ "/steal": (_req, res) => json(res, 200, { stolen: true }) });
  const away = (status: number) => (_req: unknown, res: Parameters<typeof json>[0]) =>
    res.writeHead(status, { location: `${elsewhere.url.replace("http://", "http://user:pw_SECRET_5@")}/steal?sig=abc#frag` }).end();
  api = await startFaultServer({
    "/v3/accounts/self/faxes": away(307),
    "/v3/accounts/self": away(302),
    "/v3/accounts/self/numbers": (_req, res) => res.writeHead(308, { location: "/v3/accounts/self/numbers" }).end(), // a loop
    "/v3/hooks": (_req, res) => res.writeHead(301).end(),
  });
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
});

const client = () => createFaxPlusClient({ baseUrl: `${api.url}/v3`, token: TOKEN, clientId: "cid_SECRET_4", maxRetries: 2 });

describe("redirects are refused, never followed", () => {
  it("a 307 on a PUT to another origin: RedirectError, and the other origin gets no request, header or body", async () => {
    const error = await client()
      .faxes.bulkUpdate({ ids: ["f1"], is_read: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 307, location: `${elsewhere.url}/steal`, operationId: "bulkUpdateFaxes", method: "PUT" });
    expect((error as Error).message).toBe(
      `PUT ${api.url}/v3/accounts/self/faxes (bulkUpdateFaxes) was redirected (status 307) to "${elsewhere.url}/steal"; redirects are not followed, check baseUrl`,
    );
    expect(elsewhere.hits("/steal")).toBe(0);
    expect(api.hits("/v3/accounts/self/faxes")).toBe(1); // not retried either
    const shown = [String(error), JSON.stringify(error), (error as Error).stack].join("\n");
    for (const secret of ["pw_SECRET_5", "sig=abc", TOKEN, "cid_SECRET_4"]) expect(shown).not.toContain(secret);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "RedirectError", status: 307, location: `${elsewhere.url}/steal` });
    expect((error as RedirectError).headers.location).toBe(`${elsewhere.url}/steal`);
  });

  it("raw methods get the RedirectError too, instead of the other origin's answer", async () => {
    const error = await client()
      .GET("/accounts/{user_id}", { params: { path: { user_id: "self" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).status).toBe(302);
    expect(elsewhere.hits("/steal")).toBe(0);
  });

  it("a redirect loop is a RedirectError after one request, not a connection error", async () => {
    const error = await client()
      .numbers.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 308, location: "/v3/accounts/self/numbers" });
    expect(api.hits("/v3/accounts/self/numbers")).toBe(1);
  });

  it("a redirect without a Location says so", async () => {
    const error = await client()
      .webhooks.list({ event: "fax_sent" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).location).toBeUndefined();
    expect((error as Error).message).toMatch(/was redirected \(status 301\) without a location; redirects are not followed/);
  });
});
