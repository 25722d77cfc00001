import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFaxPlusClient, ResponseTooLargeError, ServerError, TimeoutError } from "../src/index.js";
import { type FaultServer, json, startFaultServer } from "./helpers/fault-server.js";

/**
 * What a server can make the client hold or wait for is bounded: a JSON body over
 * `maxResponseBytes` ends in `ResponseTooLargeError` (announced by Content-Length, or counted
 * as it streams), and a call never outlives its `deadline` — not by a body trickling a byte at
 * a time, not by Retry-After waits. The loopback server counts what it managed to write, so
 * the tests see that reading stopped, without measuring time.
 */
const MiB = 1024 * 1024;
let server: FaultServer;
const written = new Map<string, number>();

/** Writes `chunk` every `everyMs` until the client goes away (or `limit` chunks), counting bytes. */
function stream(name: string, res: ServerResponse, chunk: string, everyMs: number, limit: number, headers: Record<string, string> = {}) {
  res.writeHead(200, { "content-type": "application/json", ...headers });
  written.set(name, 0);
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || sent >= limit) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(chunk);
    sent++;
    written.set(name, (written.get(name) ?? 0) + chunk.length);
  }, everyMs);
  res.on("close", () => clearInterval(timer));
}

beforeAll(async () => {
  const megabyte = "x".repeat(MiB);
  server = await startFaultServer({
    // Announces 100 MB: refused before a byte of it is read.
    "/v3/accounts/self/faxes/announced": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(100 * MiB) });
      res.write("[");
    },
    // Chunked, no length: 1 MiB every 5 ms for up to 100 MiB.
    "/v3/accounts/self/faxes/flood": (_req, res) => stream("flood", res, megabyte, 5, 100),
    "/v3/accounts/self/faxes/small": (_req, res) => json(res, 200, { id: "small", comment: "x".repeat(2000) }),
    // A document of 3 MiB, streamed.
    "/v3/accounts/self/files/doc": (_req, res) => stream("doc", res, megabyte, 1, 3, { "content-type": "application/pdf" }),
    // One byte every 500 ms, for 20 s.
    "/v3/accounts/self/faxes/trickle": (_req, res) => stream("trickle", res, " ", 500, 40),
    "/v3/accounts/self/numbers": (_req, res) => json(res, 503, { error: "unavailable" }, { "retry-after": "30" }),
    "/v3/accounts/self/outbox": () => {
      /* never answers */
    },
  });
});
afterAll(() => server.close());

const client = (extra: Parameters<typeof createFaxPlusClient>[0] = {}) =>
  createFaxPlusClient({ baseUrl: `${server.url}/v3`, token: "tok_SECRET_123", maxRetries: 0, ...extra });

describe("maxResponseBytes", () => {
  it("a Content-Length over the limit is refused before the body is read", async () => {
    const error = await client()
      .faxes.get({ fax_id: "announced" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, maxBytes: 32 * MiB, operationId: "getFax", method: "GET" });
    expect((error as Error).message).toBe(
      `GET ${server.url}/v3/accounts/self/faxes/announced (getFax) answered with a body larger than maxResponseBytes (${32 * MiB} bytes); nothing more was read`,
    );
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "ResponseTooLargeError", maxBytes: 32 * MiB });
  });

  it("a body without a length is counted as it streams and cut at the limit (per-call limit)", async () => {
    const error = await client()
      .faxes.get({ fax_id: "flood" }, { maxResponseBytes: 4 * MiB })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).maxBytes).toBe(4 * MiB);
    // The connection was closed soon after the limit: far less than the 100 MiB on offer was written.
    expect(written.get("flood")).toBeLessThan(40 * MiB);
  });

  it("the client-wide limit applies to raw methods too", async () => {
    const error = await client({ maxResponseBytes: 2 * MiB })
      .GET("/accounts/{user_id}/faxes/{fax_id}", { params: { path: { user_id: "self", fax_id: "flood" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).maxBytes).toBe(2 * MiB);
  });

  it("a body under the limit is read as usual", async () => {
    await expect(client({ maxResponseBytes: 4096 }).faxes.get({ fax_id: "small" })).resolves.toMatchObject({ id: "small" });
  });

  it("a downloaded document is not limited unless the call asks", async () => {
    const whole = await client({ maxResponseBytes: MiB }).files.download("doc");
    expect((await whole.arrayBuffer()).byteLength).toBe(3 * MiB);
    const limited = await client().files.download("doc", { maxResponseBytes: MiB });
    await expect(limited.arrayBuffer()).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});

describe("deadline", () => {
  it("a body trickling a byte every 500 ms ends at the deadline, though each wait is within the timeout", async () => {
    const error = await client({ timeout: 3000 })
      .faxes.get({ fax_id: "trickle" }, { deadline: 1200 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(1200);
    expect((error as Error).message).toBe(
      `GET ${server.url}/v3/accounts/self/faxes/trickle (getFax) did not finish within its deadline of 1200 ms (the response body was still arriving)`,
    );
    // Cut off after a few of the 40 bytes on offer.
    expect(written.get("trickle")).toBeLessThan(6);
  });

  it("a response that never starts ends at the deadline when that comes before the timeout", async () => {
    const error = await client({ timeout: 60_000, deadline: 300 })
      .outbox.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(300);
    expect((error as Error).message).toMatch(/\(listOutboxFaxes\) did not finish within its deadline of 300 ms$/);
  });

  it("a Retry-After wait that would pass the deadline is not waited: the last answer is the error", async () => {
    const retries: unknown[] = [];
    const before = server.hits("/v3/accounts/self/numbers");
    const error = await client({ maxRetries: 3, deadline: 2000, onRetry: (info) => retries.push(info) })
      .numbers.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(503);
    expect(server.hits("/v3/accounts/self/numbers") - before).toBe(1);
    expect(retries).toEqual([]);
  });

  it("deadline: Infinity lifts it (the per-attempt timeout still applies)", async () => {
    const error = await client({ timeout: 200 })
      .outbox.list(undefined, { deadline: Number.POSITIVE_INFINITY })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(200);
  });
});
