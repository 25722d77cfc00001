import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { fixtures } from "../../../src/fake/engine/fixtures.js";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { call, newEngine, pdfBytes, upload } from "./harness.js";

let engine: FakeEngine;
afterEach(() => engine.close());

interface Posted {
  url: string;
  body: { hook: { id: string; event: string; target: string }; data: { id: string; status: string; to?: string } };
}

/** A webhook receiver that records what it got, instead of a network. */
function receiver() {
  const posted: Posted[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    posted.push({ url: String(url), body: JSON.parse(String(init?.body)) });
    return new Response(null, { status: 204 });
  }) as typeof globalThis.fetch;
  return { posted, fetch };
}

describe("webhook registry", () => {
  it("creates, lists by event and deletes webhooks", async () => {
    engine = newEngine();
    const created = await call(engine, "POST", "/v3/hooks", {
      body: { target: "http://127.0.0.1:9/sent", event: "fax_sent" },
      validateAs: "createWebhook",
    });
    expect(created.status).toBe(200);
    const id = created.json.id;
    const sent = await call(engine, "GET", "/v3/hooks", { query: "event=fax_sent", validateAs: "getWebhooks" });
    expect(sent.json.data).toEqual([{ id, target: "http://127.0.0.1:9/sent", event: "fax_sent" }]);
    expect((await call(engine, "GET", "/v3/hooks", { query: "event=fax_received" })).json.data).toEqual([]);
    expect((await call(engine, "DELETE", `/v3/hooks/${id}`, { validateAs: "deleteWebhook" })).status).toBe(204);
    expect((await call(engine, "DELETE", `/v3/hooks/${id}`, { validateAs: "deleteWebhook" })).status).toBe(404);
  });

  it("requires the event query parameter", async () => {
    engine = newEngine();
    const answer = await call(engine, "GET", "/v3/hooks", { validateAs: "getWebhooks" });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("event");
  });
});

describe("webhook deliveries", () => {
  it("POSTs fax_sent to each fax_sent webhook once the fax is sent", async () => {
    // Real time stands still, so fake time moves only by advance() and the boundary is exact.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2026, 5, 1) });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const { posted, fetch } = receiver();
    engine = newEngine({ webhookFetch: fetch, deliveryDelayMs: 1_000 });
    await call(engine, "POST", "/v3/hooks", { body: { target: "http://127.0.0.1:9/sent", event: "fax_sent" } });
    await call(engine, "POST", "/v3/hooks", { body: { target: "http://127.0.0.1:9/received", event: "fax_received" } });
    const path = await upload(engine, pdfBytes());
    const { json } = await call(engine, "POST", "/v3/accounts/self/outbox", {
      body: { from: "+16699990000", to: ["+12025550100"], files: [path], return_ids: true },
    });
    await engine.clock.advance(999);
    expect(posted).toEqual([]);
    await engine.clock.advance(1);
    const id = json.ids["+12025550100"];
    expect(posted).toHaveLength(1);
    expect(posted[0]?.url).toBe("http://127.0.0.1:9/sent");
    expect(posted[0]?.body.hook).toMatchObject({ event: "fax_sent", target: "http://127.0.0.1:9/sent" });
    expect(posted[0]?.body.data).toMatchObject({ id, status: "success", to: "+12025550100" });
  });

  it("POSTs fax_received when an inbox fax is seeded", async () => {
    const { posted, fetch } = receiver();
    engine = newEngine({ webhookFetch: fetch });
    engine.seed({ webhooks: [fixtures.webhook({ event: "fax_received", target: "http://localhost:9/in" })] });
    const fax = fixtures.fax();
    engine.seed({ faxes: [fax, fixtures.fax({ direction: "outgoing" })] });
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0]?.body.data.id).toBe(fax.id);
    expect(posted[0]?.body.hook.event).toBe("fax_received");
  });

  it("never calls a target beyond loopback", async () => {
    const { posted, fetch } = receiver();
    engine = newEngine({ webhookFetch: fetch, deliveryDelayMs: 0 });
    await call(engine, "POST", "/v3/hooks", { body: { target: "https://example.com/hook", event: "fax_sent" } });
    const path = await upload(engine, pdfBytes());
    await call(engine, "POST", "/v3/accounts/self/outbox", { body: { from: "+16699990000", to: ["+12025550100"], files: [path] } });
    await engine.clock.advance(0);
    expect(posted).toEqual([]);
  });
});
