import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { chunkedBody, plainBody, rawRequest } from "../support/raw-http.js";

// The request boundary: what no request may do to the mock, and the shape of every error it produces itself.

const MiB = 1024 * 1024;
const DEFAULT_LIMIT = 32 * MiB;

let mock: MockServer;
let port: number;
beforeAll(async () => {
  mock = await startMock();
  port = Number(new URL(mock.url).port);
});
afterAll(() => mock.stop());

/** One request with node's client, the target sent byte for byte as given (fetch would normalise it). */
function send(
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, method, path: target, headers: options.headers, timeout: 10_000 }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () =>
        resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer to ${method} ${target} within 10 s`)));
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** The body parsed as the API's error shape: exactly two strings. */
function apiError(body: string): { error: string; description: string } {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  expect(Object.keys(parsed).sort()).toEqual(["description", "error"]);
  expect(typeof parsed.error).toBe("string");
  expect(typeof parsed.description).toBe("string");
  return parsed as { error: string; description: string };
}

const auth = { authorization: "Bearer any-token" };

async function stillServes(): Promise<void> {
  const answer = await send("GET", "/v3/accounts/self", { headers: auth });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toMatchObject({ email: "sample@fax.plus" });
}

describe("requests that used to crash the mock or its host", () => {
  it("GET /v3/accounts/%ZZ answers 400 in the API's error shape and the mock keeps serving", async () => {
    const answer = await send("GET", "/v3/accounts/%ZZ", { headers: auth });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(apiError(answer.body)).toEqual({
      error: "invalid_request",
      description: 'the request path segment "%ZZ" is not valid percent-encoded UTF-8',
    });
    await stillServes();
  });

  it.each([
    ["a lone %", "/v3/accounts/%"],
    ["bytes that are not UTF-8", "/v3/accounts/%C3%28"],
    ["a truncated escape in the query", "/v3/accounts/self/faxes?category=%E2%82"],
    ["a bad escape in a query name", "/v3/accounts/self/faxes?%ZZ=1"],
  ])("%s answers 400 in the API's shape before it reaches Prism", async (_name, target) => {
    const answer = await send("GET", target, { headers: auth });
    expect(answer.status).toBe(400);
    expect(apiError(answer.body).description).toMatch(/is not valid percent-encoded UTF-8$/);
  });

  it("a 300 MB body is refused with 413 after at most the limit was read", async () => {
    const before = process.memoryUsage();
    let peak = 0;
    const sample = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.arrayBuffers - before.arrayBuffers, now.heapUsed - before.heapUsed);
    }, 20);
    // 300 MB in 64 KiB chunks, generated as they are written: the test never holds more than one.
    const answer = await rawRequest(
      port,
      "PUT /v3/accounts/self HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
      { body: chunkedBody(Math.ceil((300 * 1e6) / (64 * 1024)), 64 * 1024), timeoutMs: 60_000 },
    );
    clearInterval(sample);
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers.connection).toBe("close");
    expect(apiError(answer.body)).toEqual({
      error: "payload_too_large",
      description: `the mock accepts request bodies of at most ${DEFAULT_LIMIT} bytes (maxBodyBytes); this one has more`,
    });
    // Cut while streaming: when the answer came, the test had written the limit plus what the socket buffers held.
    expect(answer.sentBeforeAnswer).toBeGreaterThan(DEFAULT_LIMIT);
    expect(answer.sentBeforeAnswer).toBeLessThan(DEFAULT_LIMIT + 48 * MiB);
    expect(answer.sent).toBeLessThan(300 * 1e6);
    // Memory follows the limit, not the body: far below 300 MB.
    expect(peak).toBeLessThan(DEFAULT_LIMIT + 96 * MiB);
    await stillServes();
  });

  it("a declared Content-Length over the limit is refused before a byte of the body is read", async () => {
    const small = await startMock({ maxBodyBytes: 1024 });
    try {
      const smallPort = Number(new URL(small.url).port);
      const declared = 300 * 1e6;
      const answer = await rawRequest(
        smallPort,
        `POST /v3/hooks HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
        { body: plainBody(4, 1024) },
      );
      expect(answer.status).toBe(413);
      expect(apiError(answer.body).description).toBe(
        `the mock accepts request bodies of at most 1024 bytes (maxBodyBytes); this one declares ${declared} bytes`,
      );
      // With Expect: 100-continue the client is told not to send the body at all.
      const expecting = await rawRequest(
        smallPort,
        `POST /v3/hooks HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\nExpect: 100-continue\r\n\r\n`,
      );
      expect(expecting.status).toBe(413);
      expect(apiError(expecting.body).error).toBe("payload_too_large");
    } finally {
      await small.stop();
    }
  });

  it("a body at the limit is accepted, one byte more is not", async () => {
    const small = await startMock({ maxBodyBytes: 64 });
    try {
      const smallPort = Number(new URL(small.url).port);
      const fits = JSON.stringify({ target: "http://127.0.0.1/x", event: "fax_sent" }).padEnd(64, " ");
      const post = (body: string) =>
        rawRequest(
          smallPort,
          `POST /v3/hooks HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        );
      expect((await post(fits)).status).toBe(200);
      expect((await post(`${fits} `)).status).toBe(413);
    } finally {
      await small.stop();
    }
  });

  it("invalid JSON answers 400 {error, description}", async () => {
    const answer = await send("PUT", "/v3/accounts/self/faxes", {
      headers: { ...auth, "content-type": "application/json" },
      body: '{"ids": ["a",\n',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(apiError(answer.body)).toEqual({
      error: "invalid_request",
      description: 'the request body is not valid JSON; it starts with "{\\"ids\\": [\\"a\\",\\n"',
    });
    await stillServes();
  });

  it("oversized headers answer 431 {error, description}", async () => {
    const answer = await rawRequest(port, `GET /v3/accounts/self HTTP/1.1\r\nHost: mock\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(answer.status).toBe(431);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(apiError(answer.body).error).toBe("request_header_fields_too_large");
    await stillServes();
  });
});

describe("every error the mock produces itself is in the API's shape", () => {
  it.each([
    ["a request line that is not HTTP", 400, "NOT HTTP AT ALL\r\n\r\n"],
    ["an unknown method", 400, "FROB /v3/accounts/self HTTP/1.1\r\nHost: mock\r\n\r\n"],
    ["a malformed header line", 400, "GET /v3/accounts/self HTTP/1.1\r\nHost: mock\r\nNo colon here\r\n\r\n"],
    ["a bad chunk size", 400, "PUT /v3/accounts/self HTTP/1.1\r\nHost: mock\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n"],
    ["CONNECT", 405, "CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n"],
    ["an Expect other than 100-continue", 417, "GET /v3/accounts/self HTTP/1.1\r\nHost: mock\r\nExpect: tea\r\n\r\n"],
  ])("%s answers %i", async (_name, status, head) => {
    const answer = await rawRequest(port, head);
    expect(answer.status).toBe(status);
    expect(answer.headers["content-type"]).toBe("application/json");
    apiError(answer.body);
  });

  it.each([
    ["an unknown path", 404, "not_found", "GET", "/v3/nowhere", {}],
    ["a method the path does not have", 405, "method_not_allowed", "DELETE", "/v3/accounts/self", {}],
    ["a status the operation does not document", 404, "mock_response_not_documented", "GET", "/v3/accounts/self", { prefer: "code=429" }],
    ["a Prefer code that is not a status", 422, "invalid_request", "GET", "/v3/accounts/self", { prefer: "code=abc" }],
    ["a target that is not a path", 400, "invalid_request", "GET", "*", {}],
  ])("%s answers %i with error %s", async (_name, status, error, method, target, headers) => {
    const answer = await send(method, target, { headers: { ...auth, ...headers } });
    expect(answer.status).toBe(status);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(apiError(answer.body).error).toBe(error);
  });

  it("request text in a description is quoted and cut, whatever it holds", async () => {
    const long = await send("GET", `/v3/accounts/%ZZ${"x".repeat(5_000)}`, { headers: auth });
    expect(apiError(long.body).description).toBe(
      `the request path segment "%ZZ${"x".repeat(117)}"… (5003 characters) is not valid percent-encoded UTF-8`,
    );
    const hostile = await send("PUT", "/v3/accounts/self/faxes", {
      headers: { ...auth, "content-type": "application/json" },
      body: `\u0007\r\nX-Forged: yes\u2028${"<".repeat(10_000)}`,
    });
    const { description } = apiError(hostile.body);
    expect(description).toBe(
      `the request body is not valid JSON; it starts with "\\u0007\\r\\nX-Forged: yes\u2028${"<".repeat(23)}"… (10017 characters)`,
    );
  });
});
