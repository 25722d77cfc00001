import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../src/index.js";

const SPEC_OPERATIONS = countOperations(fileURLToPath(new URL("../spec/faxplus.resolved.json", import.meta.url)));

/** Operations in the resolved spec the mock serves: the test follows the spec, so a spec update does not need it edited. */
function countOperations(file: string): number {
  const spec = JSON.parse(readFileSync(file, "utf8")) as { paths: Record<string, Record<string, unknown>> };
  const methods = new Set(["get", "put", "post", "delete", "patch", "options", "head", "trace"]);
  return Object.values(spec.paths).flatMap((item) => Object.keys(item).filter((key) => methods.has(key))).length;
}

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.stop());

const auth = { authorization: "Bearer any-token", "content-type": "application/json" };

/** True when something can listen on the port again (the mock freed it). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

describe("startMock", () => {
  it("listens on loopback with a free port and serves every operation (28 in 3.4.0) at the production paths", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
    expect(SPEC_OPERATIONS).toBeGreaterThan(0);
    expect(mock.operations).toBe(SPEC_OPERATIONS);
    const response = await fetch(`${mock.url}/accounts/self/faxes`, {
      method: "PUT",
      headers: auth,
      body: JSON.stringify({ ids: ["66df09cf1d6d0b295c363956", "66df09cf1d6d0b295c363957"], is_read: true, comment: "updated via bulk" }),
    });
    expect(response.status).toBe(200);
    // One result per ID sent, like the real API (Prism alone would answer with the spec's example).
    expect(await response.json()).toEqual({
      results: [
        { id: "66df09cf1d6d0b295c363956", code: 204 },
        { id: "66df09cf1d6d0b295c363957", code: 204 },
      ],
    });
  });

  it("does not answer at the root paths the vendor spec lists without its /v3 base", async () => {
    const response = await fetch(`${mock.origin}/accounts/self`, { headers: auth });
    expect(response.status).toBe(404);
  });

  it("rejects an invalid request with every violation readable in the body, in the API's error shape", async () => {
    const response = await fetch(`${mock.url}/accounts/self/faxes`, {
      method: "PUT",
      headers: auth,
      body: JSON.stringify({ ids: ["a".repeat(33)], foo: 1 }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; description: string };
    expect(Object.keys(body).sort()).toEqual(["description", "error"]);
    expect(body.error).toBe("invalid_request");
    expect(body.description).toContain("must NOT have additional properties; found 'foo'");
    expect(body.description).toContain("must NOT have more than 32 characters");
    expect(response.headers.get("sl-violations")).toContain("additionalProperties");
  });

  it("rejects a request without a token with 401", async () => {
    const response = await fetch(`${mock.url}/accounts/self`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe("unauthorized");
  });

  it("answers the documented error examples on Prefer: code=…", async () => {
    const response = await fetch(`${mock.url}/accounts/self`, { headers: { ...auth, prefer: "code=500" } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: "internal_server_error",
      description: "An unexpected error happened, please contact support",
    });
  });

  it("answers CORS preflights and exposes the violations header to pages", async () => {
    const preflight = await fetch(`${mock.url}/accounts/self/faxes`, {
      method: "OPTIONS",
      headers: {
        origin: "http://app.test",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
    const actual = await fetch(`${mock.url}/accounts/self`, { headers: { ...auth, origin: "http://app.test" } });
    expect(actual.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(actual.headers.get("access-control-expose-headers")).toContain("sl-violations");
  });
});

describe("startMock: lifecycle and bad input", () => {
  it("stop() frees the port, also with a keep-alive connection open, and can be called twice", async () => {
    const own = await startMock();
    const port = Number(new URL(own.url).port);
    await fetch(`${own.url}/accounts/self`, { headers: { ...auth, connection: "keep-alive" } });
    expect(await portIsFree(port)).toBe(false);
    await own.stop();
    await own.stop();
    expect(await portIsFree(port)).toBe(true);
  });

  it("a port already in use is a clear error naming it", async () => {
    const port = Number(new URL(mock.url).port);
    await expect(startMock({ port })).rejects.toThrow(`@faxkit/mock: cannot listen on 127.0.0.1:${port}: port ${port} is already in use`);
  });

  it.each([
    [{ port: -1 }, "port must be an integer 0–65535 (got -1)"],
    [{ port: 1.5 }, "port must be an integer 0–65535 (got 1.5)"],
    [{ host: "" }, 'host must be a non-empty string (got "")'],
    [{ spec: "/nonexistent/spec.json" }, "cannot read the spec /nonexistent/spec.json"],
    [{ spec: { swagger: "2.0", paths: {} } }, "the given spec object is not an OpenAPI 3.0 document"],
    [{ spec: { openapi: "3.0.1" } }, "the given spec object has no paths"],
  ])("rejects %j", async (options, message) => {
    await expect(startMock(options)).rejects.toThrow(message);
  });

  it("serves a spec given as an object, with its own base path", async () => {
    const spec = {
      openapi: "3.0.1",
      info: { title: "Tiny", version: "1" },
      servers: [{ url: "https://api.example/v9" }],
      paths: {
        "/ping": { get: { responses: { "200": { description: "ok", content: { "application/json": { example: { pong: true } } } } } } },
      },
    };
    const own = await startMock({ spec });
    try {
      expect(own.url.endsWith("/v9")).toBe(true);
      expect(await (await fetch(`${own.url}/ping`)).json()).toEqual({ pong: true });
    } finally {
      await own.stop();
    }
  });
});

describe("startMock: callbacks", () => {
  /** A loopback receiver that counts what reaches it. */
  async function receiver() {
    const { createServer: createHttpServer } = await import("node:http");
    let hits = 0;
    const server = createHttpServer((_req, res) => {
      hits++;
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    return { target: `http://127.0.0.1:${port}/events`, hits: () => hits, close: () => new Promise((r) => server.close(r)) };
  }
  const register = (url: string, target: string) =>
    fetch(`${url}/hooks`, { method: "POST", headers: auth, body: JSON.stringify({ target, event: "fax_sent" }) });

  it("sends no callback by default: nothing leaves the mock unasked", async () => {
    const sink = await receiver();
    expect((await register(mock.url, sink.target)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.hits()).toBe(0);
    await sink.close();
  });

  it("performs them with callbacks: true", async () => {
    const sink = await receiver();
    const own = await startMock({ callbacks: true });
    try {
      expect((await register(own.url, sink.target)).status).toBe(200);
      const until = Date.now() + 5_000;
      while (sink.hits() === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sink.hits()).toBe(1);
    } finally {
      await own.stop();
      await sink.close();
    }
  });
});
