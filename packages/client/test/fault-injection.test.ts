import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, ConnectionError, createFaxPlusClient, ResponseParseError, ServerError, TimeoutError } from "../src/index.js";
import { type FaultServer, json, startFaultServer } from "./helpers/fault-server.js";

/**
 * The transport against a real server on loopback that misbehaves on purpose: connections
 * reset, responses that never start, bodies that stall or break half-way, truncated JSON,
 * 429 with Retry-After, 503 then success, an HTML gateway page, and a 401 that an OAuth2
 * refresh fixes. Bounded: every request has a short timeout and at most 3 attempts.
 */
const TOKEN = "tok_SECRET_123";
const OAUTH = { clientId: "cid_SECRET_9", clientSecret: "cs_SECRET_456", refreshToken: "rt_SECRET_789" };
const FRESH = "at_FRESH_SECRET_1";
const SECRETS = [TOKEN, FRESH, ...Object.values(OAUTH)];
const logLines: string[] = [];
const logger = Object.fromEntries(
  ["debug", "info", "warn", "error"].map((level) => [
    level,
    (message: string, data?: unknown) => logLines.push(`${level} ${message} ${JSON.stringify(data ?? {})}`),
  ]),
);
let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer({
    "/v3/accounts": (_req, res, n) => (n < 3 ? res.socket?.destroy() : json(res, 200, { members: [] })),
    "/v3/accounts/self": (req) => req.socket.destroy(),
    "/v3/accounts/stall/faxes": () => {
      /* never answers: the client's timeout must end it */
    },
    "/v3/accounts/self/numbers": (_req, res, n) =>
      n === 1 ? json(res, 429, { error: "too_many_requests" }, { "retry-after": "0" }) : json(res, 200, { numbers: [] }),
    "/v3/accounts/self/outbox": (_req, res) => json(res, 503, { error: "unavailable" }),
    "/v3/accounts/self/faxes": (_req, res, n) => (n === 1 ? json(res, 503, { error: "unavailable" }) : json(res, 200, { results: [] })),
    "/v3/hooks": (_req, res) =>
      res.writeHead(502, { "content-type": "text/html" }).end("<html><body><h1>502 Bad Gateway</h1></body></html>"),
    "/v3/accounts/self/faxes/stalls-mid-body": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id":"f1","comm'); // … and nothing more
    },
    "/v3/accounts/self/faxes/cut-mid-body": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
      res.write('{"id":"f1","comment":"');
      setTimeout(() => res.socket?.destroy(), 20);
    },
    "/v3/accounts/self/faxes/truncated-json": (_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"id":"f1","comment":"par'),
    "/v3/accounts/oauth/faxes/f1": (req, res) =>
      req.headers.authorization === `Bearer ${FRESH}`
        ? json(res, 200, { id: "f1" })
        : json(res, 401, { error: "unauthorized", description: "The access token provided is expired" }),
    "/token": (_req, res) => json(res, 200, { access_token: FRESH, expires_in: 3600 }),
  });
});
afterAll(() => server.close());

const client = (extra: Parameters<typeof createFaxPlusClient>[0] = {}) =>
  createFaxPlusClient({ baseUrl: `${server.url}/v3`, token: TOKEN, timeout: 300, maxRetries: 2, logger, logLevel: "debug", ...extra });

/** Every place a secret could leak from an error: message, JSON, stack, String(). */
function expectNoSecret(error: unknown): void {
  const visible = [String(error), JSON.stringify(error), (error as Error).stack ?? "", (error as Error).message].join("\n");
  for (const secret of SECRETS) expect(visible).not.toContain(secret);
}

describe("transport against a misbehaving loopback server", () => {
  it("connection resets are retried until the server answers", async () => {
    const { data } = await client().GET("/accounts", {});
    expect(data).toEqual({ members: [] });
    expect(server.hits("/v3/accounts")).toBe(3);
  });

  it("a connection that always resets ends in ConnectionError after 3 attempts, without the token", async () => {
    const error = await client()
      .GET("/accounts/{user_id}", { params: { path: { user_id: "self" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.hits("/v3/accounts/self")).toBe(3);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(String(error)).not.toContain(TOKEN);
  });

  it("a response that never starts ends in TimeoutError after each attempt timed out", async () => {
    const error = await client({ timeout: 100, maxRetries: 1 })
      .GET("/accounts/{user_id}/faxes", { params: { path: { user_id: "stall" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(100);
    expect(server.hits("/v3/accounts/stall/faxes")).toBe(2);
  });

  it("429 with Retry-After is retried after the wait it asks for", async () => {
    const retries: string[] = [];
    const { data } = await client({ onRetry: (i) => retries.push(i.reason) }).GET("/accounts/{user_id}/numbers", {
      params: { path: { user_id: "self" } },
    });
    expect(data).toEqual({ numbers: [] });
    expect(retries).toEqual(["status 429, Retry-After 0 s"]);
  });

  it("503 on a PUT is retried with the same body", async () => {
    const body = { ids: ["a1"], is_read: true };
    const { data } = await client().PUT("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, body });
    expect(data).toEqual({ results: [] });
    expect(server.bodies("/v3/accounts/self/faxes")).toEqual([JSON.stringify(body), JSON.stringify(body)]);
  });

  it("503 on a POST is not retried: the fax is never sent twice", async () => {
    const { error, response } = await client().POST("/accounts/{user_id}/outbox", {
      params: { path: { user_id: "self" } },
      body: { from: "+12345667", to: ["+12345688"], files: ["/storage/a.pdf"] },
    });
    expect(response.status).toBe(503);
    expect(error).toEqual({ error: "unavailable" });
    expect(server.hits("/v3/accounts/self/outbox")).toBe(1);
  });

  it("an HTML gateway page becomes a typed ServerError carrying the raw text", async () => {
    const error = await client({ maxRetries: 0 })
      .webhooks.list({ event: "fax_sent" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(502);
    expect((error as ServerError).operationId).toBe("getWebhooks");
    expect((error as ServerError).rawBody).toContain("502 Bad Gateway");
    expect((error as Error).message).toBe(
      `GET ${server.url}/v3/hooks?event=fax_sent (getWebhooks) failed with 502: <html><body><h1>502 Bad Gateway</h1></body></html>`,
    );
    expect(server.hits("/v3/hooks")).toBe(1);
    expectNoSecret(error);
  });

  it("503 on outbox.send is a ServerError after exactly one POST; { retry: true } opts in", async () => {
    const payload = { from: "+12345667", to: ["+12345688"], files: ["/storage/a.pdf"] };
    const before = server.hits("/v3/accounts/self/outbox");
    await expect(client().outbox.send(payload)).rejects.toBeInstanceOf(ServerError);
    expect(server.hits("/v3/accounts/self/outbox") - before).toBe(1);
    await expect(client({ maxRetries: 1 }).outbox.send(payload, { retry: true })).rejects.toBeInstanceOf(ServerError);
    expect(server.hits("/v3/accounts/self/outbox") - before).toBe(3);
  });

  it("a body that stalls mid-way ends in TimeoutError instead of hanging", async () => {
    const error = await client({ timeout: 150 })
      .faxes.get({ fax_id: "stalls-mid-body" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain("the response body stalled (no data for 150 ms)");
    expect(server.hits("/v3/accounts/self/faxes/stalls-mid-body")).toBe(1);
    expectNoSecret(error);
  });

  it("a connection cut mid-body ends in ConnectionError", async () => {
    const error = await client()
      .faxes.get({ fax_id: "cut-mid-body" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expectNoSecret(error);
  });

  it("truncated JSON with a 200 is a ResponseParseError carrying what arrived", async () => {
    const error = await client()
      .faxes.get({ fax_id: "truncated-json" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).status).toBe(200);
    expect((error as ResponseParseError).rawBody).toBe('{"id":"f1","comment":"par');
    expectNoSecret(error);
  });

  it("a 401 that an OAuth2 refresh fixes: one refresh, the request sent again, the data returned", async () => {
    const fax = client({ token: "at_EXPIRED_SECRET", oauth: { ...OAUTH, tokenUrl: `${server.url}/token` } });
    const faxes = await Promise.all([fax.faxes.get({ fax_id: "f1", user_id: "oauth" }), fax.faxes.get({ fax_id: "f1", user_id: "oauth" })]);
    expect(faxes).toEqual([{ id: "f1" }, { id: "f1" }]);
    expect(server.hits("/token")).toBe(1);
    expect(server.hits("/v3/accounts/oauth/faxes/f1")).toBe(4);
  });

  it("a 401 without refresh settings is an AuthenticationError with the API's code", async () => {
    const error = await client()
      .faxes.get({ fax_id: "f1", user_id: "oauth" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe("unauthorized");
    expectNoSecret(error);
  });

  it("no log line ever carried a secret", () => {
    expect(logLines.length).toBeGreaterThan(10);
    for (const secret of [...SECRETS, "at_EXPIRED_SECRET"]) expect(logLines.join("\n")).not.toContain(secret);
  });
});
