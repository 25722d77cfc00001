import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectionError, createFaxPlusClient, createTransport, ServerError, TimeoutError } from "../src/index.js";
import { errorFromResponse } from "../src/internal/error-from-response.js";
import { type FaultServer, json, startFaultServer } from "./helpers/fault-server.js";

/**
 * The transport against a real server on loopback that misbehaves on purpose: connections
 * reset, responses that never start, 429 with Retry-After, 503 then success, an HTML
 * gateway page. Bounded: every request has a short timeout and at most 3 attempts.
 */
const TOKEN = "tok_SECRET_123";
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
  });
});
afterAll(() => server.close());

const client = (extra: Parameters<typeof createFaxPlusClient>[0] = {}) =>
  createFaxPlusClient({ baseUrl: `${server.url}/v3`, token: TOKEN, timeout: 300, maxRetries: 2, ...extra });

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
    // At the transport level: openapi-fetch itself reads an error body, so the (coming)
    // resource layer hands errorFromResponse the unread response, as here.
    const url = `${server.url}/v3/hooks?event=fax_sent`;
    const response = await createTransport({ maxRetries: 0 })(new Request(url, { headers: { authorization: `Bearer ${TOKEN}` } }));
    const error = await errorFromResponse(response, { method: "GET", url, secrets: [TOKEN] });
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
    expect(error.rawBody).toContain("502 Bad Gateway");
    expect(error.message).toBe(`GET ${url} failed with 502: <html><body><h1>502 Bad Gateway</h1></body></html>`);
    expect(server.hits("/v3/hooks")).toBe(1);
  });
});
