import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RetryInfo } from "../src/index.js";
import {
  ConnectionError,
  createFaxPlusClient,
  type FaxPlusClientOptions,
  RateLimitError,
  ServerError,
  TimeoutError,
} from "../src/index.js";
import { type FaultServer, json, startFaultServer } from "./helpers/fault-server.js";

/**
 * A POST (a fax sent) is retried only when the request was certainly not processed: a 429,
 * or a connection refused before anything was sent. Never after a timeout, a reset or a 5xx,
 * which can come after the server accepted the fax. `retry: false` (per call) and
 * `retryUnprocessedPosts: false` (per client) opt out. Real loopback servers; a refused
 * connection is a port that was opened and closed again.
 */
const PAYLOAD = { from: "+12345667", to: ["+12345688"], files: ["/storage/a.pdf"] };
let server: FaultServer;
let refusedUrl: string;

/** A port nothing listens on any more: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  server = await startFaultServer({
    // 429 on the first send of each user, then accepted.
    "/v3/accounts/limited/outbox": (_req, res, n) =>
      n === 1 ? json(res, 429, { error: "too_many_requests" }, { "retry-after": "0" }) : json(res, 201, { ids: { "+12345688": "o1" } }),
    "/v3/accounts/raw-limited/outbox": (_req, res, n) =>
      n === 1 ? json(res, 429, { error: "too_many_requests" }, { "retry-after": "0" }) : json(res, 201, { ids: { "+12345688": "o2" } }),
    "/v3/accounts/always-limited/outbox": (_req, res) => json(res, 429, { error: "too_many_requests" }, { "retry-after": "0" }),
    "/v3/accounts/waits/outbox": (_req, res, n) =>
      n === 1 ? json(res, 429, { error: "too_many_requests" }, { "retry-after": "1" }) : json(res, 201, { ids: {} }),
    "/v3/accounts/broken/outbox": (_req, res) => json(res, 503, { error: "unavailable" }),
    "/v3/accounts/reset/outbox": (req) => req.socket.destroy(),
    "/v3/accounts/slow/outbox": () => {
      /* never answers */
    },
  });
  refusedUrl = `http://127.0.0.1:${await closedPort()}/v3`;
});
afterAll(() => server.close());

const client = (extra: FaxPlusClientOptions = {}) =>
  createFaxPlusClient({ baseUrl: `${server.url}/v3`, token: "tok_SECRET_1", maxRetries: 2, logLevel: "off", ...extra });

describe("POST retries", () => {
  it("a 429 is retried after its Retry-After, with the same body, and the send succeeds", async () => {
    const retries: RetryInfo[] = [];
    const result = await client({ onRetry: (info) => retries.push(info) }).outbox.send({ ...PAYLOAD, user_id: "limited" });
    expect(result).toEqual({ ids: { "+12345688": "o1" } });
    expect(server.bodies("/v3/accounts/limited/outbox")).toEqual([JSON.stringify(PAYLOAD), JSON.stringify(PAYLOAD)]);
    expect(retries).toMatchObject([{ attempt: 1, method: "POST", status: 429, retryAfter: 0, reason: "status 429, Retry-After 0 s" }]);
  });

  it("the wait is the one Retry-After asks for", async () => {
    const delays: number[] = [];
    await client().outbox.send({ ...PAYLOAD, user_id: "waits" }, { onRetry: (info) => delays.push(info.delayMs) });
    expect(delays).toEqual([1000]);
    expect(server.hits("/v3/accounts/waits/outbox")).toBe(2);
  });

  it("a 429 that persists ends in RateLimitError after maxRetries", async () => {
    const before = server.hits("/v3/accounts/always-limited/outbox");
    const error = await client({ maxRetries: 1 })
      .outbox.send({ ...PAYLOAD, user_id: "always-limited" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.hits("/v3/accounts/always-limited/outbox") - before).toBe(2);
  });

  it("a refused connection is retried: nothing was sent", async () => {
    const retries: RetryInfo[] = [];
    const error = await createFaxPlusClient({ baseUrl: refusedUrl, token: "t", maxRetries: 2, logLevel: "off" })
      .outbox.send(PAYLOAD, { onRetry: (info) => retries.push(info) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(retries.map((info) => [info.attempt, info.reason])).toEqual([
      [1, "ConnectionError"],
      [2, "ConnectionError"],
    ]);
  });

  it("a raw fax.POST follows the same rule", async () => {
    const retries: string[] = [];
    const { data, response } = await client({ onRetry: (info) => retries.push(info.reason) }).POST("/accounts/{user_id}/outbox", {
      params: { path: { user_id: "raw-limited" } },
      body: PAYLOAD,
    });
    expect(response.status).toBe(201);
    expect(data).toEqual({ ids: { "+12345688": "o2" } });
    expect(retries).toEqual(["status 429, Retry-After 0 s"]);
    expect(server.hits("/v3/accounts/raw-limited/outbox")).toBe(2);
  });

  it.each([
    ["a 5xx", "broken", ServerError],
    ["a connection reset", "reset", ConnectionError],
    ["a timeout", "slow", TimeoutError],
  ] as const)("%s is never retried: the fax may have been accepted", async (_name, user, ErrorClass) => {
    const path = `/v3/accounts/${user}/outbox`;
    const before = server.hits(path);
    const error = await client({ timeout: 200 })
      .outbox.send({ ...PAYLOAD, user_id: user })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(server.hits(path) - before).toBe(1);
  });

  it("{ retry: false } on a call: not even a 429 is retried", async () => {
    const before = server.hits("/v3/accounts/always-limited/outbox");
    const error = await client()
      .outbox.send({ ...PAYLOAD, user_id: "always-limited" }, { retry: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.hits("/v3/accounts/always-limited/outbox") - before).toBe(1);
  });

  it("{ retry: false } on a GET: no retry either", async () => {
    const error = await createFaxPlusClient({ baseUrl: refusedUrl, token: "t", logLevel: "off" })
      .faxes.get({ fax_id: "f1" }, { retry: false, onRetry: () => expect.fail("retried") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it("retryUnprocessedPosts: false on the client: a POST is not retried, unless a call passes { retry: true }", async () => {
    const before = server.hits("/v3/accounts/always-limited/outbox");
    const fax = client({ retryUnprocessedPosts: false, maxRetries: 1 });
    await expect(fax.outbox.send({ ...PAYLOAD, user_id: "always-limited" })).rejects.toBeInstanceOf(RateLimitError);
    expect(server.hits("/v3/accounts/always-limited/outbox") - before).toBe(1);
    await expect(fax.outbox.send({ ...PAYLOAD, user_id: "always-limited" }, { retry: true })).rejects.toBeInstanceOf(RateLimitError);
    expect(server.hits("/v3/accounts/always-limited/outbox") - before).toBe(3);
  });

  it("{ retry: true } retries a POST on a 5xx as well (a duplicate is then the caller's choice)", async () => {
    const before = server.hits("/v3/accounts/broken/outbox");
    await expect(client({ maxRetries: 1 }).outbox.send({ ...PAYLOAD, user_id: "broken" }, { retry: true })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(server.hits("/v3/accounts/broken/outbox") - before).toBe(2);
  });
});
