/**
 * Webhook callbacks (`onFaxEvent`, the callback of createWebhook): Fax.Plus POSTs an event to
 * the registered target. Prism does send callbacks, but with random values, and for every
 * `POST /hooks` it sees, even one it rejects (README.md). So: pin what Prism sends to a
 * loopback receiver, then check the receiving side (`parseWebhookEvent`) against a loopback
 * "Fax.Plus" that POSTs the payload the spec documents.
 *
 * Prism only (the `prism` project): it pins what Prism's callbacks do. The fake delivers real
 * `fax_sent` events to registered loopback targets; `test/fake/scenarios.test.ts` checks those.
 */
import { parseWebhookEvent, WebhookPayloadError } from "@faxkit/client/webhooks";
import { type MockServer, startMock } from "@faxkit/mock";
import { validate } from "@faxkit/validator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { exampleOf } from "../cases/spec.js";
import { contractClient, TOKEN } from "../helpers/client.js";
import { type StubRequest, type StubServer, sendJson, startStub } from "../helpers/stub-server.js";

// The shared mock serves without callbacks (the default, so nothing leaves the machine
// unasked); this file starts its own with callbacks on, and every target is on loopback.
let callbackMock: MockServer;
let mockUrl: string;
beforeAll(async () => {
  callbackMock = await startMock({ callbacks: true });
  mockUrl = callbackMock.url;
});
afterAll(() => callbackMock.stop());
const EVENTS = ["fax_sent", "fax_received", "fax_page_received"];

let receiver: StubServer | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** Waits for the receiver's n-th request (Prism sends callbacks after it has answered). */
async function nthRequest(server: StubServer, n: number, timeoutMs = 5_000): Promise<StubRequest> {
  const until = Date.now() + timeoutMs;
  while (server.requests.length < n) {
    if (Date.now() > until) throw new Error(`no callback ${n} within ${timeoutMs} ms (got ${server.requests.length})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return server.requests[n - 1] as StubRequest;
}

describe("what the mock does after createWebhook", () => {
  it("POSTs one callback to the registered target: JSON of the WebhookCallback schema, with random values", async () => {
    receiver = await startStub((_request, response) => {
      response.writeHead(200).end();
    });
    const { fax } = contractClient(mockUrl);
    await expect(fax.webhooks.create({ target: `${receiver.origin}/fax-events`, event: "fax_sent" })).resolves.toEqual({
      id: expect.any(String),
    });

    const callback = await nthRequest(receiver, 1);
    expect(callback.method).toBe("POST");
    expect(callback.url.pathname).toBe("/fax-events");
    expect(callback.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(callback.body.toString("utf8")) as { hook: { event: string } };
    expect(validate.WebhookCallback(body).ok).toBe(true);
    // Random (json-schema-faker) even in static mode: not necessarily the event registered.
    expect(EVENTS).toContain(body.hook.event);
    expect(() => parseWebhookEvent(callback.body)).not.toThrow();
  });

  it("also POSTs the callback when it rejects the createWebhook request (400): every target must be on loopback", async () => {
    receiver = await startStub((_request, response) => {
      response.writeHead(200).end();
    });
    const response = await fetch(`${mockUrl}/hooks`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ target: `${receiver.origin}/rejected`, event: "fax_deleted" }),
    });
    expect(response.status).toBe(400);
    expect((await nthRequest(receiver, 1)).url.pathname).toBe("/rejected");
  });
});

describe("receiving an event (loopback 'Fax.Plus' → loopback receiver running parseWebhookEvent)", () => {
  async function deliver(payload: string): Promise<{ status: number; parsed: unknown[] }> {
    const parsed: unknown[] = [];
    receiver = await startStub((request, response) => {
      try {
        parsed.push(parseWebhookEvent(request.body));
        response.writeHead(200).end();
      } catch (error) {
        sendJson(response, 400, { error: (error as Error).name, description: (error as Error).message });
      }
    });
    const answer = await fetch(`${receiver.origin}/fax-events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: payload,
    });
    return { status: answer.status, parsed };
  }

  it("the payload the spec documents parses into a typed event", async () => {
    const payload = { hook: exampleOf("WebhookCallbackHook"), data: exampleOf("WebhookCallbackData") };
    const { status, parsed } = await deliver(JSON.stringify(payload));
    expect(status).toBe(200);
    expect(parsed).toEqual([payload]);
    expect(parsed[0]).toMatchObject({ hook: { event: "fax_sent", id: "66df09cf1d6d0b295c363956" }, data: { status: "success" } });
  });

  it("a payload without hook.event is refused with WebhookPayloadError", async () => {
    const { status } = await deliver(JSON.stringify({ hook: { id: "66df09cf1d6d0b295c363956" }, data: {} }));
    expect(status).toBe(400);
    expect(() => parseWebhookEvent('{"hook":{}}')).toThrow(WebhookPayloadError);
  });
});
