/**
 * Without middleware a resource call builds its request itself (internal/direct-request.ts);
 * with one, it goes through openapi-fetch, which runs it. Both must send the same request.
 */
import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createFaxPlusClient, type FaxPlusClient } from "../../src/index.js";

const BASE_URL = "https://api.test/v3/";
type Sent = { method: string; url: string; headers: [string, string][]; body: string };

function recordingClient(withMiddleware: boolean) {
  const sent: Sent[] = [];
  const fetch = (async (request: Request) => {
    sent.push({ method: request.method, url: request.url, headers: [...request.headers], body: await request.text() });
    return request.method === "DELETE" ? new Response(null, { status: 204 }) : Response.json({});
  }) as typeof globalThis.fetch;
  const fax = createFaxPlusClient({ fetch, token: "t", baseUrl: BASE_URL, defaultHeaders: { "x-team": "billing" } });
  const seen: string[] = [];
  if (withMiddleware) fax.use({ onRequest: ({ request }) => void seen.push(request.url) });
  return { fax, sent, seen };
}

const CALLS: [string, (fax: FaxPlusClient) => Promise<unknown>][] = [
  ["a path parameter", (fax) => fax.faxes.get({ fax_id: "f 1/2" })],
  ["query parameters", (fax) => fax.faxes.list({ category: "inbox", limit: 5, after: "2024-01-31 00:00:00" })],
  ["a JSON body beside a path parameter", (fax) => fax.faxes.update({ fax_id: "f1", is_read: true, comment: "ünïcode & more" })],
  ["a list in the body", (fax) => fax.faxes.bulkUpdate({ ids: ["a", "b"], is_read: false })],
  ["a DELETE answered 204", (fax) => fax.webhooks.delete({ hook_id: "h1" })],
  ["the call's own headers", (fax) => fax.faxes.get({ fax_id: "f1" }, { headers: { "x-trace-id": "t-9", "x-team": "ops" } })],
  [
    "a form Content-Type from the call, which turns the body into a form",
    (fax) =>
      fax.faxes.update(
        { fax_id: "f1", comment: "a b", is_read: true },
        { headers: { "content-type": "application/x-www-form-urlencoded" } },
      ),
  ],
];

describe("a resource call's request, with and without middleware", () => {
  it.each(CALLS)("%s: the same method, URL, headers and body either way", async (_name, call) => {
    const direct = recordingClient(false);
    const through = recordingClient(true);
    await call(direct.fax);
    await call(through.fax);
    expect(through.seen).toHaveLength(1);
    expect(direct.sent).toHaveLength(1);
    expect(direct.sent).toEqual(through.sent);
  });

  it("a middleware added with use() sees resource calls, and none after eject()", async () => {
    const { fax, seen } = recordingClient(false);
    const urls: string[] = [];
    const middleware: Middleware = { onRequest: ({ request }) => void urls.push(request.url) };
    fax.use(middleware);
    await fax.faxes.get({ fax_id: "f1" });
    fax.eject(middleware);
    await fax.faxes.get({ fax_id: "f2" });
    expect(urls).toEqual([`${BASE_URL}accounts/self/faxes/f1`]);
    expect(seen).toEqual([]);
  });

  it("a middleware registered twice and ejected once still runs", async () => {
    const { fax } = recordingClient(false);
    const urls: string[] = [];
    const middleware: Middleware = { onRequest: ({ request }) => void urls.push(request.url) };
    fax.use(middleware, middleware);
    fax.eject(middleware);
    await fax.faxes.get({ fax_id: "f1" });
    expect(urls).toHaveLength(1);
  });
});
