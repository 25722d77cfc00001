import { createServer } from "node:net";
import { ConnectionError, createFaxPlusClient, RateLimitError } from "@faxkit/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, fixtures, startFake } from "../../../src/index.js";

// startFake with the real engine: the server, the controls it hands over, its lifecycle.

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFake();
});
afterEach(() => fake.reset());
afterAll(() => fake.stop());

const client = (options: { maxRetries?: number } = {}) =>
  createFaxPlusClient({ baseUrl: fake.url, token: "any-token", maxRetries: options.maxRetries ?? 0 });

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

describe("startFake", () => {
  it("listens on loopback with a free port at the production paths, and the client reads the fake account", async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
    expect(fake.url).toBe(`${fake.origin}/v3`);
    expect(await client().accounts.get()).toMatchObject({ email: fixtures.account().email });
    expect(fake.requests.map((r) => [r.operationId, r.method, r.status])).toEqual([["getUser", "GET", 200]]);
  });

  it("keeps state between requests: a webhook created is listed", async () => {
    const fax = client();
    const created = await fax.webhooks.create({ target: "http://127.0.0.1:9/hook", event: "fax_received" });
    const listed = await fax.webhooks.list({ event: "fax_received" });
    expect(JSON.stringify(listed)).toContain(created.id);
  });

  it("seed() adds records the API then returns", async () => {
    const number = fixtures.number({ number: "+16699990042" });
    fake.seed({ numbers: [number] });
    expect(await client().numbers.get({ number: "+16699990042" })).toMatchObject({ number: "+16699990042" });
  });

  it("failNext answers the next call with the status and Retry-After, which the client reads", async () => {
    fake.failNext({ operationId: "getUser", status: 429, retryAfter: 7 });
    const error = await client()
      .accounts.get()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(7);
    expect(await client().accounts.get()).toMatchObject({ uid: fixtures.account().uid });
  });

  it("resetNext drops the connection: the client sees a connection error, and retries get through", async () => {
    fake.resetNext("getUser");
    await expect(client().accounts.get()).rejects.toBeInstanceOf(ConnectionError);
    fake.resetNext("getUser");
    expect(await client({ maxRetries: 1 }).accounts.get()).toMatchObject({ uid: fixtures.account().uid });
  });

  it("latency holds answers back in real time: a call sent later to another operation is answered first", async () => {
    fake.latency(300, "getUser");
    const order: string[] = [];
    const slow = client()
      .accounts.get()
      .then(() => order.push("getUser"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fast = client()
      .webhooks.list({ event: "fax_received" })
      .then(() => order.push("getWebhooks"));
    await Promise.all([slow, fast]);
    expect(order).toEqual(["getWebhooks", "getUser"]);
  });

  it("handle() scripts an operation until reset()", async () => {
    fake.handle("getUser", () => ({ status: 200, body: { ...fixtures.account(), email: "scripted@example.com" } }));
    expect(await client().accounts.get()).toMatchObject({ email: "scripted@example.com" });
    fake.reset();
    expect(await client().accounts.get()).toMatchObject({ email: fixtures.account().email });
  });

  it("a body over maxBodyBytes is 413 and never reaches the engine (not in the request log)", async () => {
    const small = await startFake({ maxBodyBytes: 64 });
    try {
      const response = await fetch(`${small.url}/hooks`, {
        method: "POST",
        headers: { authorization: "Bearer t", "content-type": "application/json" },
        body: JSON.stringify({ target: `http://127.0.0.1/${"x".repeat(64)}`, event: "fax_received" }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: "payload_too_large" });
      expect(small.requests).toHaveLength(0);
    } finally {
      await small.stop();
    }
  });

  it("a target that does not decode is 400 before the engine", async () => {
    const response = await fetch(`${fake.url}/accounts/%ZZ`, { headers: { authorization: "Bearer t" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      description: 'the request path segment "%ZZ" is not valid percent-encoded UTF-8',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("answers CORS preflights", async () => {
    const preflight = await fetch(`${fake.url}/accounts/self`, {
      method: "OPTIONS",
      headers: { origin: "http://app.test", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://app.test");
  });
});

describe("startFake: lifecycle and bad options", () => {
  it("stop() frees the port, also with a keep-alive connection open, and can be called twice", async () => {
    const own = await startFake();
    const port = Number(new URL(own.url).port);
    await fetch(`${own.url}/accounts/self`, { headers: { authorization: "Bearer t", connection: "keep-alive" } });
    expect(await portIsFree(port)).toBe(false);
    await own.stop();
    await own.stop();
    expect(await portIsFree(port)).toBe(true);
  });

  it("stop() during a delayed answer ends it at once instead of waiting the delay out", async () => {
    const own = await startFake();
    own.latency(600_000);
    const pending = fetch(`${own.url}/accounts/self`, { headers: { authorization: "Bearer t" } });
    while (own.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await own.stop();
    await expect(pending).rejects.toThrow(TypeError);
  });

  it("a port already in use is a clear error naming it", async () => {
    const port = Number(new URL(fake.url).port);
    await expect(startFake({ port })).rejects.toThrow(`@faxkit/mock: cannot listen on 127.0.0.1:${port}: port ${port} is already in use`);
  });

  it.each([
    [{ port: -1 }, "port must be an integer 0–65535 (got -1)"],
    [{ port: 1.5 }, "port must be an integer 0–65535 (got 1.5)"],
    [{ port: 65_536 }, "port must be an integer 0–65535 (got 65536)"],
    [{ host: "" }, 'host must be a non-empty string (got "")'],
    [{ maxBodyBytes: -1 }, "maxBodyBytes must be a non-negative integer (got -1)"],
    [{ maxBodyBytes: Number.NaN }, "maxBodyBytes must be a non-negative integer (got NaN)"],
    [{ deliveryDelayMs: -5 }, "deliveryDelayMs must be a finite number of ms ≥ 0 (got -5)"],
  ])("rejects %j with a message naming it", async (options, message) => {
    await expect(startFake(options)).rejects.toThrow(message);
  });
});
