import { createFaxPlusClient } from "@faxkit/client";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeRequest, FakeResponse } from "../../../src/fake/fake-types.js";
import { fakeHttpHandlers } from "../../../src/fake/msw/fake-http-handlers.js";
import { json, scriptedEngine } from "./support/scripted-engine.js";

// The fake's MSW front end on a scripted engine, under msw/node: nothing leaves the process
// (an unhandled request is an error), and the real client calls its default base URL.

const API = "https://restapi.fax.plus/v3";
let script: (request: FakeRequest) => FakeResponse | Promise<FakeResponse> = () => json(200, {});
const engine = scriptedEngine((request) => script(request));
const server = setupServer(
  ...fakeHttpHandlers(engine, { origin: "https://restapi.fax.plus", basePath: "/v3", maxBodyBytes: 1024 }),
  // Whatever the fake's handler does not take lands here, so a test can tell.
  http.all("https://restapi.fax.plus/*", () => HttpResponse.text("not the fake", { status: 418 })),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  engine.received.length = 0;
  script = () => json(200, {});
});
afterAll(() => server.close());

const account = { uid: "u1", email: "sample@fax.plus", account_type: "individual" };

describe("with @faxkit/client on its default base URL", () => {
  it("a resource call reaches the engine and its answer comes back as typed data", async () => {
    script = (request) => (request.path === "/v3/accounts/self" ? json(200, account) : json(404, { error: "not_found", description: "x" }));
    const fax = createFaxPlusClient({ token: "test-token", maxRetries: 0 });
    expect(await fax.accounts.get()).toMatchObject({ email: "sample@fax.plus" });
    const [received] = engine.received as [FakeRequest];
    expect(received.method).toBe("GET");
    expect(received.headers.authorization).toBe("Bearer test-token");
  });

  it("an API error from the engine is the client's typed error", async () => {
    script = () => json(404, { error: "not_found", description: "no such fax" });
    const fax = createFaxPlusClient({ token: "test-token", maxRetries: 0 });
    await expect(fax.faxes.get({ fax_id: "66df09cf1d6d0b295c363956" })).rejects.toMatchObject({ status: 404, code: "not_found" });
  });

  it("a reset is a network error the client retries, then the next answer is taken", async () => {
    let calls = 0;
    script = () => (calls++ === 0 ? { ...json(200, account), fault: "reset" } : json(200, account));
    const fax = createFaxPlusClient({ token: "test-token", maxRetries: 1 });
    expect(await fax.accounts.get()).toMatchObject({ email: "sample@fax.plus" });
    expect(engine.received).toHaveLength(2);
  });
});

describe("what the engine is given", () => {
  it("method, path, raw query, lower-case headers and the body's bytes", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    await fetch(`${API}/a/../files?format=pdf&x=%20a+b`, {
      method: "POST",
      headers: { "Content-Type": "application/pdf", "X-Fax-ClientId": "c1" },
      body: bytes,
    });
    const [received] = engine.received as [FakeRequest];
    expect(received).toMatchObject({ method: "POST", path: "/v3/files", query: "format=pdf&x=%20a+b" });
    expect(received.headers).toMatchObject({ "content-type": "application/pdf", "x-fax-clientid": "c1" });
    expect([...received.body]).toEqual([...bytes]);
  });

  it("a body streamed past maxBodyBytes is 413 in the API's shape and never reaches the engine", async () => {
    const chunk = new Uint8Array(600);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${API}/files`, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: "payload_too_large",
      description: "the mock accepts request bodies of at most 1024 bytes (maxBodyBytes); this one has more",
    });
    // fetch sends no Content-Length header to MSW: a string body is counted like a stream.
    const counted = await fetch(`${API}/hooks`, { method: "POST", body: "a".repeat(1025) });
    expect(counted.status).toBe(413);
    expect(engine.received).toHaveLength(0);
  });

  it("a body at maxBodyBytes is accepted", async () => {
    expect((await fetch(`${API}/hooks`, { method: "POST", body: "a".repeat(1024) })).status).toBe(200);
    expect(engine.received[0]?.body.byteLength).toBe(1024);
  });

  it("a path segment that does not decode is 400 in the API's shape before the engine", async () => {
    const response = await fetch(`${API}/accounts/%ZZ`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      description: 'the request path segment "%ZZ" is not valid percent-encoded UTF-8',
    });
    expect(engine.received).toHaveLength(0);
  });
});

describe("how the answer is given", () => {
  it("status, headers and body as the engine gave them; bytes byte for byte", async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x80, 0xff]);
    script = () => ({ status: 200, headers: { "content-type": "application/pdf", "x-request-id": "r1", connection: "close" }, body: pdf });
    const response = await fetch(`${API}/accounts/self/files/f1`);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
  });

  it("204 and HEAD have no body, whatever the engine put in it", async () => {
    script = (request) => (request.method === "DELETE" ? { status: 204, headers: {}, body: "x" } : json(200, account));
    const deleted = await fetch(`${API}/hooks/h1`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    const head = await fetch(`${API}/accounts/self`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("a header the Fetch API refuses is dropped, the rest of the answer kept", async () => {
    script = () => json(200, account, { "x-bad": "a\nb", "x-good": "1" });
    const response = await fetch(`${API}/accounts/self`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-good")).toBe("1");
    expect(response.headers.has("x-bad")).toBe(false);
  });

  it("fault reset is a network error (HttpResponse.error())", async () => {
    script = () => ({ ...json(200, account), fault: "reset" });
    await expect(fetch(`${API}/accounts/self`)).rejects.toThrow(TypeError);
  });

  it("delayMs holds the answer back: a request sent later without a delay is answered first", async () => {
    script = (request) => ({ ...json(200, {}), ...(request.path.endsWith("/slow") ? { delayMs: 300 } : {}) });
    const order: string[] = [];
    const slow = fetch(`${API}/slow`).then(() => order.push("slow"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fast = fetch(`${API}/fast`).then(() => order.push("fast"));
    await Promise.all([slow, fast]);
    expect(order).toEqual(["fast", "slow"]);
  });

  it("an aborted request during a delay rejects with the abort", async () => {
    script = () => ({ ...json(200, {}), delayMs: 600_000 });
    const controller = new AbortController();
    const pending = fetch(`${API}/slow`, { signal: controller.signal });
    while (engine.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });

  it.each([
    ["an engine that throws", () => Promise.reject(new Error("boom\r\nX-Forged: yes"))],
    ["a status a Response cannot have", () => ({ status: 600, headers: {}, body: undefined })],
  ])("%s is a 500 in the API's shape", async (_name, fail) => {
    script = fail as () => FakeResponse;
    const response = await fetch(`${API}/accounts/self`);
    expect(response.status).toBe(500);
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(["description", "error"]);
    expect(body.error).toBe("internal_server_error");
  });
});

describe("which requests the handler takes", () => {
  it.each([
    ["the base URL itself", `${API}`, 200],
    ["a path below it", `${API}/accounts/self`, 200],
    ["a path beside it", "https://restapi.fax.plus/v3x/accounts", 418],
    ["the origin's root", "https://restapi.fax.plus/", 418],
  ])("%s (%s) → %i", async (_name, url, status) => {
    expect((await fetch(url)).status).toBe(status);
  });

  it("another host is not the fake's (msw reports it unhandled)", async () => {
    await expect(fetch("https://example.invalid/v3/accounts/self")).rejects.toThrow();
    expect(engine.received).toHaveLength(0);
  });
});
