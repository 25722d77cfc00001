import { request } from "node:http";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeServer } from "../../../src/fake/fake-server.js";
import type { FakeRequest, FakeResponse } from "../../../src/fake/fake-types.js";
import { plainBody, rawRequest } from "../../support/raw-http.js";
import { json, type ScriptedEngine, scriptedEngine } from "./support/scripted-engine.js";

// The fake's HTTP front end on a scripted engine: what it hands the engine, how it writes the
// answer, and the request boundary it shares with the Prism mock.

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(engine: ScriptedEngine, maxBodyBytes = 1024) {
  const server = await startFakeServer({ engine, host: "127.0.0.1", port: 0, maxBodyBytes });
  servers.push(server);
  return { ...server, port: Number(new URL(server.url).port) };
}

/** One request with node's client, the target byte for byte (fetch would normalise it). */
function send(
  port: number,
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, method, path: target, headers: options.headers, timeout: 10_000 }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer to ${method} ${target} within 10 s`)));
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

function apiError(body: Buffer): { error: string; description: string } {
  const parsed = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  expect(Object.keys(parsed).sort()).toEqual(["description", "error"]);
  return parsed as { error: string; description: string };
}

const ok = () => json(200, { ok: true });

describe("what the engine is given", () => {
  it("the method, the normalised path still percent-encoded, the raw query, lower-case headers and the body's bytes", async () => {
    const engine = scriptedEngine(ok);
    const { port } = await serve(engine);
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x0a]);
    const answer = await send(port, "POST", "/v3/a/../files/caf%C3%A9?format=pdf&x=%20a+b&x=2", {
      headers: { Authorization: "Bearer t", "Content-Type": "application/pdf", "X-Fax-ClientId": "c1" },
      body: bytes,
    });
    expect(answer.status).toBe(200);
    const [received] = engine.received as [FakeRequest];
    expect(received.method).toBe("POST");
    expect(received.path).toBe("/v3/files/caf%C3%A9");
    expect(received.query).toBe("format=pdf&x=%20a+b&x=2");
    expect(received.headers).toMatchObject({ authorization: "Bearer t", "content-type": "application/pdf", "x-fax-clientid": "c1" });
    expect(received.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(received.body).equals(bytes)).toBe(true);
  });

  it("an empty body as zero bytes and no query as an empty string", async () => {
    const engine = scriptedEngine(ok);
    const { port } = await serve(engine);
    await send(port, "GET", "/v3/accounts/self");
    const [received] = engine.received as [FakeRequest];
    expect(received.query).toBe("");
    expect(received.body.byteLength).toBe(0);
  });
});

describe("how the answer is written", () => {
  it("status, headers and a JSON body as the engine gave them, with a computed Content-Length", async () => {
    const { port } = await serve(scriptedEngine(() => json(201, { id: "é" }, { "x-ratelimit-remaining": "7" })));
    const answer = await send(port, "GET", "/v3/accounts/self");
    expect(answer.status).toBe(201);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["x-ratelimit-remaining"]).toBe("7");
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength('{"id":"é"}')));
    expect(JSON.parse(answer.body.toString("utf8"))).toEqual({ id: "é" });
  });

  it("a binary body byte for byte", async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80]);
    const { port } = await serve(scriptedEngine(() => ({ status: 200, headers: { "content-type": "application/pdf" }, body: pdf })));
    const answer = await send(port, "GET", "/v3/accounts/self/files/x");
    expect([...answer.body]).toEqual([...pdf]);
  });

  it("no body for 204 or HEAD, whatever the engine put in it", async () => {
    const { port } = await serve(scriptedEngine((r) => (r.path.endsWith("/gone") ? { status: 204, headers: {}, body: "x" } : ok())));
    const gone = await send(port, "DELETE", "/v3/hooks/gone");
    expect(gone.status).toBe(204);
    expect(gone.body.length).toBe(0);
    const head = await send(port, "HEAD", "/v3/accounts/self");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("drops hop-by-hop headers and ones node would refuse, keeping the rest of the answer", async () => {
    const { port } = await serve(
      scriptedEngine(() =>
        json(200, { ok: true }, { connection: "upgrade", "transfer-encoding": "chunked", "x-bad": "a\nb", "bad name": "v", "x-good": "1" }),
      ),
    );
    const answer = await send(port, "GET", "/v3/accounts/self");
    expect(answer.status).toBe(200);
    expect(answer.headers["x-good"]).toBe("1");
    expect(answer.headers["x-bad"]).toBeUndefined();
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(JSON.parse(answer.body.toString("utf8"))).toEqual({ ok: true });
  });
});

describe("faults the engine asks for", () => {
  it("fault reset drops the connection without an answer: fetch fails with a network error, the next request is served", async () => {
    let first = true;
    const { url } = await serve(
      scriptedEngine(() => {
        const fault: FakeResponse = first ? { ...ok(), fault: "reset" } : ok();
        first = false;
        return fault;
      }),
    );
    await expect(fetch(`${url}/v3/accounts/self`)).rejects.toThrow(TypeError);
    expect((await fetch(`${url}/v3/accounts/self`)).status).toBe(200);
  });

  it("delayMs holds the answer back: a request sent later without a delay is answered first", async () => {
    const { url } = await serve(scriptedEngine((r) => ({ ...ok(), ...(r.path.endsWith("/slow") ? { delayMs: 300 } : {}) })));
    const order: string[] = [];
    const slow = fetch(`${url}/v3/slow`).then(() => order.push("slow"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fast = fetch(`${url}/v3/fast`).then(() => order.push("fast"));
    await Promise.all([slow, fast]);
    expect(order).toEqual(["fast", "slow"]);
  });

  it("a client that goes away during a delay is let go (its fetch aborts) and the server keeps serving", async () => {
    const engine = scriptedEngine((r) => ({ ...ok(), ...(r.path.endsWith("/slow") ? { delayMs: 600_000 } : {}) }));
    const { url } = await serve(engine);
    const controller = new AbortController();
    const slow = fetch(`${url}/v3/slow`, { signal: controller.signal });
    while (engine.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(slow).rejects.toThrow(/abort/i);
    expect((await fetch(`${url}/v3/fast`)).status).toBe(200);
  });
});

describe("the request boundary", () => {
  it("answers CORS preflights itself and exposes headers to pages", async () => {
    const engine = scriptedEngine(ok);
    const { url } = await serve(engine);
    const preflight = await fetch(`${url}/v3/accounts/self/faxes`, {
      method: "OPTIONS",
      headers: { origin: "http://app.test", "access-control-request-method": "PUT", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization");
    expect(engine.received).toHaveLength(0);
    const actual = await fetch(`${url}/v3/accounts/self`, { headers: { origin: "http://app.test" } });
    expect(actual.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(actual.headers.get("access-control-expose-headers")).toContain("retry-after");
  });

  it.each([
    ["%ZZ in the path", "/v3/accounts/%ZZ", 'the request path segment "%ZZ" is not valid percent-encoded UTF-8'],
    ["bytes that are not UTF-8", "/v3/accounts/%C3%28", 'the request path segment "%C3%28" is not valid percent-encoded UTF-8'],
    ["a bad escape in the query", "/v3/faxes?x=%E2%82", 'the query string part "%E2%82" is not valid percent-encoded UTF-8'],
    ["a target that is not a path", "*", 'the request target "*" is not a path starting with "/"'],
  ])("%s is refused with 400 in the API's shape before the engine sees it", async (_name, target, description) => {
    const engine = scriptedEngine(ok);
    const { port } = await serve(engine);
    const answer = await send(port, "GET", target);
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(apiError(answer.body)).toEqual({ error: "invalid_request", description });
    expect(engine.received).toHaveLength(0);
  });

  it("a body at maxBodyBytes reaches the engine; one byte more is 413 in the API's shape and does not", async () => {
    const engine = scriptedEngine(ok);
    const { port } = await serve(engine, 64);
    expect((await send(port, "POST", "/v3/hooks", { body: "a".repeat(64) })).status).toBe(200);
    const over = await send(port, "POST", "/v3/hooks", { body: "a".repeat(65) });
    expect(over.status).toBe(413);
    expect(over.headers.connection).toBe("close");
    expect(apiError(over.body)).toEqual({
      error: "payload_too_large",
      description: "the mock accepts request bodies of at most 64 bytes (maxBodyBytes); this one declares 65 bytes",
    });
    expect(engine.received).toHaveLength(1);
  });

  it("a declared length over the limit is refused before the body is read, also with Expect: 100-continue", async () => {
    const engine = scriptedEngine(ok);
    const { port } = await serve(engine, 1024);
    const head = "POST /v3/files HTTP/1.1\r\nHost: fake\r\nContent-Type: application/pdf\r\nContent-Length: 300000000\r\n";
    const answer = await rawRequest(port, `${head}\r\n`, { body: plainBody(4, 1024) });
    expect(answer.status).toBe(413);
    const expecting = await rawRequest(port, `${head}Expect: 100-continue\r\n\r\n`);
    expect(expecting.status).toBe(413);
    expect(JSON.parse(expecting.body)).toMatchObject({ error: "payload_too_large" });
    expect(engine.received).toHaveLength(0);
  });

  it.each([
    ["an engine that throws", () => Promise.reject(new Error("boom\nX-Forged: yes"))],
    ["a status that is not a final answer", () => ({ status: 101, headers: {}, body: undefined })],
  ])("%s is a 500 in the API's shape for that request, and the server keeps serving", async (_name, fail) => {
    let calls = 0;
    const { port } = await serve(scriptedEngine(() => (calls++ === 0 ? (fail() as FakeResponse) : ok())));
    const answer = await send(port, "GET", "/v3/accounts/self");
    expect(answer.status).toBe(500);
    const { error, description } = apiError(answer.body);
    expect(error).toBe("internal_server_error");
    expect(description).not.toContain("\n");
    expect((await send(port, "GET", "/v3/accounts/self")).status).toBe(200);
  });

  it("what node cannot parse gets the API's shape (oversized headers: 431)", async () => {
    const { port } = await serve(scriptedEngine(ok));
    const answer = await rawRequest(port, `GET /v3/accounts/self HTTP/1.1\r\nHost: fake\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body)).toMatchObject({ error: "request_header_fields_too_large" });
  });

  it("close() frees the port at once, also with a keep-alive connection open", async () => {
    const server = await startFakeServer({ engine: scriptedEngine(ok), host: "127.0.0.1", port: 0, maxBodyBytes: 1024 });
    const port = Number(new URL(server.url).port);
    await fetch(`${server.url}/v3/accounts/self`, { headers: { connection: "keep-alive" } });
    await server.close();
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    expect(free).toBe(true);
  });
});
