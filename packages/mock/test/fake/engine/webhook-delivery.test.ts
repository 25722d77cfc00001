import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseWebhookEvent } from "@faxkit/client/webhooks";
import { validate } from "@faxkit/validator";
import { afterEach, describe, expect, it } from "vitest";
import { faxTime, fixtures } from "../../../src/fake/engine/fixtures.js";
import { deliverWebhook, webhookPayload } from "../../../src/fake/engine/webhook-delivery.js";

interface Received {
  method: string | undefined;
  contentType: string | undefined;
  body: string;
}

const servers: Server[] = [];

/** A real HTTP server on 127.0.0.1, port 0, that records each request and answers with `handler`. */
async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void = (_req, res) => res.end()) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ method: request.method, contentType: request.headers["content-type"], body: Buffer.concat(chunks).toString("utf8") });
      handler(request, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/faxplus/webhook`, port, received };
}

/** A fetch that fails the test if the code under test calls it. */
const forbiddenFetch: typeof fetch = () => {
  throw new Error("deliverWebhook called fetch for a target it must refuse");
};

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("webhookPayload", () => {
  it.each(["fax_sent", "fax_received"] as const)("builds a %s body that parseWebhookEvent accepts", (event) => {
    const hook = fixtures.webhook({ event, target: "http://127.0.0.1:8080/hook" });
    const fax = fixtures.fax({ direction: event === "fax_sent" ? "outgoing" : "incoming", pages: 3 });
    const parsed = parseWebhookEvent(JSON.stringify(webhookPayload(event, hook, fax)));
    expect(parsed.hook).toEqual({ id: fax.id, event, event_time: fax.last_update, target: "http://127.0.0.1:8080/hook" });
    expect(parsed.data).toMatchObject({ id: fax.id, uid: fax.owner_id, pages: 3, status: "success", file: fax.file });
  });

  it("validates against WebhookCallback with no issue at all", () => {
    const result = validate.WebhookCallback(webhookPayload("fax_sent", fixtures.webhook(), fixtures.fax({ status: "failed_no_answer" })));
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([]);
  });

  it("names sender and receiver under both the docs' and the SDK's keys", () => {
    const fax = fixtures.fax({ from: "+13343040000", to: "+13343040001" });
    const { data } = webhookPayload("fax_received", fixtures.webhook(), fax);
    expect(data).toMatchObject({ from: "+13343040000", from_number: "+13343040000", to: "+13343040001", to_number: "+13343040001" });
  });

  it("stamps the event with the given time, counts cost in pages when the fax has none, and leaves absent fields out", () => {
    const { from: _from, to: _to, file: _file, cost: _cost, ...bare } = fixtures.fax({ pages: 4 });
    const payload = webhookPayload("fax_sent", fixtures.webhook(), bare, { at: Date.UTC(2026, 5, 1, 12, 0, 0) });
    expect(payload.hook?.event_time).toBe(faxTime(Date.UTC(2026, 5, 1, 12, 0, 0)));
    expect(payload.data?.cost).toBe(4);
    expect(Object.keys(payload.data ?? {})).not.toContain("from");
    expect(Object.keys(payload.data ?? {})).not.toContain("file");
  });
});

describe("deliverWebhook: delivered", () => {
  it("POSTs the payload as JSON, and the target reads it with parseWebhookEvent", async () => {
    const target = await listen();
    const hook = fixtures.webhook({ event: "fax_sent", target: target.url });
    const fax = fixtures.fax({ direction: "outgoing" });

    const result = await deliverWebhook(target.url, webhookPayload("fax_sent", hook, fax));

    expect(result).toEqual({ ok: true, status: 200 });
    expect(target.received).toHaveLength(1);
    const [request] = target.received;
    expect(request?.method).toBe("POST");
    expect(request?.contentType).toBe("application/json");
    const event = parseWebhookEvent(request?.body ?? "");
    expect(event.hook.event).toBe("fax_sent");
    expect(event.data?.id).toBe(fax.id);
  });

  it.each([
    ["http://localhost:9/hook", "http://localhost:9/hook"],
    ["http://127.0.0.2:9/hook", "http://127.0.0.2:9/hook"],
    ["http://[::1]:9/hook", "http://[::1]:9/hook"],
    ["https://127.255.255.254/hook", "https://127.255.255.254/hook"],
    ["http://127.1:9/hook", "http://127.1:9/hook"],
  ])("calls the loopback target %s", async (target, called) => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(null, { status: 204 });
    };
    expect(await deliverWebhook(target, {}, { fetch: fakeFetch })).toEqual({ ok: true, status: 204 });
    expect(calls).toEqual([called]);
  });

  it("does not wait for the answer's body", async () => {
    const target = await listen((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("this body never ends");
    });
    expect(await deliverWebhook(target.url, { hook: {} }, { timeoutMs: 10_000 })).toEqual({ ok: true, status: 200 });
  });
});

describe("deliverWebhook: refused without a request", () => {
  it.each([
    ["https://example.com/hook", "only calls loopback hosts", '"https://example.com/…"'],
    ["http://10.0.0.1/hook", "only calls loopback hosts", '"http://10.0.0.1/…"'],
    ["http://0.0.0.0:8080/hook", "only calls loopback hosts", '"http://0.0.0.0:8080/…"'],
    ["http://[::2]/hook", "only calls loopback hosts", '"http://[::2]/…"'],
    ["http://[::ffff:127.0.0.1]/hook", "only calls loopback hosts", '"http://[::ffff:7f00:1]/…"'],
    ["http://127.0.0.1.nip.io/hook", "only calls loopback hosts", '"http://127.0.0.1.nip.io/…"'],
    ["http://localhost.example.com/hook", "only calls loopback hosts", '"http://localhost.example.com/…"'],
    ["ftp://127.0.0.1/hook", "only http and https", '"ftp:…"'],
    ["file:///etc/passwd", "only http and https", '"file:…"'],
    ["/relative/hook", "is not a URL", '"/relative/hook"'],
    ["", "is not a URL", '""'],
  ])("%j", async (target, reason, shown) => {
    const result = await deliverWebhook(target, { hook: {} }, { fetch: forbiddenFetch });
    expect(result.ok).toBe(false);
    expect(result.error).toContain(reason);
    expect(result.error).toContain(shown);
    if (target.startsWith("http")) expect(result.error).not.toContain("/hook");
  });

  it("quotes a hostile target instead of writing it raw", async () => {
    const result = await deliverWebhook("evil\r\nX-Forged: 1", {}, { fetch: forbiddenFetch });
    expect(result.error).toContain('"evilx-forged:…"'); // the URL parser drops the line break and reads a scheme
    expect(result.error).not.toContain("\n");
  });

  it.each([[0], [-5], [Number.NaN], [600_000]])("reports a timeoutMs of %d instead of using it", async (timeoutMs) => {
    const result = await deliverWebhook("http://127.0.0.1:9/", {}, { fetch: forbiddenFetch, timeoutMs });
    expect(result).toEqual({ ok: false, error: `webhook delivery: timeoutMs must be 1 to 60000 (got ${timeoutMs})` });
  });

  it("reports a payload JSON cannot write", async () => {
    const result = await deliverWebhook("http://127.0.0.1:9/", { big: 1n }, { fetch: forbiddenFetch });
    expect(result).toEqual({ ok: false, error: 'webhook payload for "http://127.0.0.1:9/" is not JSON-serialisable' });
  });
});

describe("deliverWebhook: failures are reported, never thrown", () => {
  it("reports a target that answers 500, without the payload in the error", async () => {
    const target = await listen((_request, response) => {
      response.statusCode = 500;
      response.end("internal error");
    });
    const payload = { hook: { id: "secret-marker-4711" } };
    const result = await deliverWebhook(target.url, payload);
    expect(result).toEqual({ ok: false, status: 500, error: `webhook target "http://127.0.0.1:${target.port}/…" answered 500` });
    expect(result.error).not.toContain("secret-marker-4711");
    expect(target.received).toHaveLength(1);
  });

  it("never shows a secret the target keeps in its path or query", async () => {
    const target = await listen((_request, response) => {
      response.statusCode = 403;
      response.end();
    });
    const result = await deliverWebhook(`${target.url}/tok_SECRET_PATH?key=tok_SECRET_QUERY`, {});
    expect(result.error).toBe(`webhook target "http://127.0.0.1:${target.port}/…" answered 403`);
  });

  it("times out on a target that never answers", async () => {
    const target = await listen(() => {});
    const result = await deliverWebhook(target.url, { hook: {} }, { timeoutMs: 100 });
    expect(result).toEqual({ ok: false, error: `webhook target "http://127.0.0.1:${target.port}/…" timed out after 100 ms` });
  });

  it("does not follow a redirect", async () => {
    const elsewhere = await listen();
    const target = await listen((_request, response) => {
      response.writeHead(307, { location: elsewhere.url });
      response.end();
    });
    const result = await deliverWebhook(target.url, { hook: {} });
    expect(result).toMatchObject({ ok: false, status: 307 });
    expect(result.error).toContain("redirects are not followed");
    expect(elsewhere.received).toEqual([]);
  });

  it("reports a refused connection", async () => {
    const target = await listen();
    const closed = servers.pop() as Server;
    await new Promise((resolve) => closed.close(resolve));
    const result = await deliverWebhook(target.url, { hook: {} });
    expect(result.ok).toBe(false);
    expect(result.error).toBe(`webhook POST to "http://127.0.0.1:${target.port}/…" failed: "ECONNREFUSED"`);
  });

  it("reports a fetch that throws", async () => {
    const throwing: typeof fetch = async () => {
      throw new TypeError("boom\nwith a second line");
    };
    const result = await deliverWebhook("http://127.0.0.1:9/", {}, { fetch: throwing });
    expect(result).toEqual({ ok: false, error: 'webhook POST to "http://127.0.0.1:9/" failed: "boom\\nwith a second line"' });
  });
});
