import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../src/index.js";
import { prng, type Random } from "./support/prng.js";
import { type QueryParts, randomPath, randomText } from "./support/random-path.js";
import { rawRequest } from "./support/raw-http.js";

// Random requests against a running mock: none may crash it, leave a client without an answer,
// get an error outside the API's shape, or make memory grow with what was sent.

const SEED = 0x5eed_2026;
const HTTP_REQUESTS = 10_000;
const RAW_REQUESTS = 400;
const CONCURRENCY = 16;
const LIMIT = 64 * 1024; // a small maxBodyBytes, so bodies over it are cheap to send
const REQUEST_TIMEOUT_MS = 10_000;
/** A guard against a hang, not a speed claim: the run stops launching requests after this. */
const RUN_DEADLINE_MS = 150_000;

const METHODS = [
  "GET",
  "GET",
  "GET",
  "PUT",
  "PUT",
  "POST",
  "POST",
  "DELETE",
  "PATCH",
  "OPTIONS",
  "HEAD",
  "TRACE",
  "PROPFIND",
  "MKCOL",
  "PURGE",
];
const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "multipart/form-data; boundary=x",
  "text/plain",
  "application/x-www-form-urlencoded",
  "application/vnd.api+json",
  "a/b/c",
  "",
];
const PREFERS = [
  "code=400",
  "code=404",
  "code=500",
  "code=429",
  "code=999",
  "code=abc",
  "dynamic=true",
  "dynamic=maybe",
  "example=nope",
  'example="a, b"; code=401',
];

/** Query names and values Prism reads (`__code` picks an example), and ones it must refuse. */
const QUERY: QueryParts = { names: ["category", "limit", "__code", "x", "%ZZ"], values: ["1", "inbox", "%", "a+b", "%E2%82"] };

function randomTarget(random: Random): string {
  const path = randomPath(random, QUERY);
  return random.chance(0.01) ? `${path}/${"a".repeat(20_000)}` : path; // over node's 16 KiB header limit: 431
}

type BodyPlan =
  | { kind: "none" }
  | { kind: "bytes"; bytes: Buffer }
  | { kind: "chunked-over-limit"; chunks: number }
  | { kind: "declared-not-sent"; declared: number };

function randomBody(random: Random, method: string): BodyPlan {
  if (method === "GET" || method === "HEAD" || random.chance(0.3)) return { kind: "none" };
  const roll = random.int(100);
  if (roll < 35)
    return {
      kind: "bytes",
      bytes: Buffer.from(JSON.stringify({ ids: ["66df09cf1d6d0b295c363956", randomText(random, 40)], is_read: random.chance(0.5) })),
    };
  if (roll < 55)
    return { kind: "bytes", bytes: Buffer.from(random.pick(['{"ids": [', "{bad", "nul", '{"a":1}}', "[[[[[[[[", '"\u0000"', ""])) };
  if (roll < 75) return { kind: "bytes", bytes: Buffer.from(Array.from({ length: random.int(2_000) }, () => random.int(256))) };
  if (roll < 88) return { kind: "bytes", bytes: Buffer.alloc(LIMIT + 1 + random.int(LIMIT), 0x7b) };
  if (roll < 98) return { kind: "chunked-over-limit", chunks: 2 + random.int(4) };
  return { kind: "declared-not-sent", declared: 1 + random.int(LIMIT) };
}

function randomHeaders(random: Random): Record<string, string> {
  const headers: Record<string, string> = {};
  if (random.chance(0.7)) headers.authorization = random.chance(0.9) ? "Bearer fuzz" : randomText(random, 20);
  if (random.chance(0.7)) headers["content-type"] = random.pick(CONTENT_TYPES);
  if (random.chance(0.2)) headers.prefer = random.pick(PREFERS);
  if (random.chance(0.1)) headers.origin = `http://${randomText(random, 10)}`;
  if (random.chance(0.2)) headers[`x-${random.int(1000)}`] = randomText(random, random.int(200));
  if (random.chance(0.01)) headers["x-big"] = "b".repeat(20_000);
  return headers;
}

interface Outcome {
  status: number | undefined;
  contentType: string | undefined;
  body: string;
  /** The test cut the request on purpose (it declared a body it never sent). */
  cut: boolean;
  error?: string;
}

function sendRandom(agent: Agent, port: number, random: Random): Promise<Outcome & { method: string; path: string }> {
  const method = random.pick(METHODS);
  const path = randomTarget(random);
  const headers = randomHeaders(random);
  const body = randomBody(random, method);
  if (body.kind === "bytes") headers["content-length"] = String(body.bytes.length);
  if (body.kind === "declared-not-sent") headers["content-length"] = String(body.declared);
  // Explicit, since node's client sends a DELETE or OPTIONS body unframed (neither length nor chunks).
  if (body.kind === "chunked-over-limit") headers["transfer-encoding"] = "chunked";
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, method, path });
    };
    const outgoing = request({ agent, host: "127.0.0.1", port, method, path, headers }, (answer) => {
      const chunks: Buffer[] = [];
      let size = 0;
      answer.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size < 1 << 20) chunks.push(chunk);
      });
      const done = () =>
        settle({
          status: answer.statusCode,
          contentType: answer.headers["content-type"],
          body: Buffer.concat(chunks).toString("utf8"),
          cut: false,
        });
      answer.on("end", done);
      answer.on("error", done);
    });
    const cutAfter = body.kind === "declared-not-sent" ? 300 : REQUEST_TIMEOUT_MS;
    const timer = setTimeout(() => {
      outgoing.destroy();
      settle({ status: undefined, contentType: undefined, body: "", cut: body.kind === "declared-not-sent", error: "timeout" });
    }, cutAfter);
    outgoing.on("error", (error) => settle({ status: undefined, contentType: undefined, body: "", cut: false, error: error.message }));
    if (body.kind === "bytes") outgoing.end(body.bytes);
    else if (body.kind === "chunked-over-limit") {
      for (let i = 0; i < body.chunks; i++) outgoing.write(Buffer.alloc(LIMIT, 0x20));
      outgoing.end();
    } else if (body.kind === "declared-not-sent") outgoing.write("{");
    else outgoing.end();
  });
}

const RAW_HEADS = [
  () => "NOT HTTP\r\n\r\n",
  () => "GET /v3/accounts/self HTTP/9.9\r\nHost: m\r\n\r\n",
  () => "FROB /v3/accounts/self HTTP/1.1\r\nHost: m\r\n\r\n",
  () => "GET /v3/accounts/self HTTP/1.1\r\nHost: m\r\nBad Header\r\n\r\n",
  () => "GET /v3/accounts/self HTTP/1.1\r\nHost: m\r\nX: \u0001\r\n\r\n",
  () => `GET /v3/accounts/self HTTP/1.1\r\nHost: m\r\nX-Big: ${"a".repeat(17_000)}\r\n\r\n`,
  () => `GET /${"a".repeat(17_000)} HTTP/1.1\r\nHost: m\r\n\r\n`,
  () => "PUT /v3/accounts/self HTTP/1.1\r\nHost: m\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
  () => "PUT /v3/accounts/self HTTP/1.1\r\nHost: m\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
  () => "PUT /v3/accounts/self HTTP/1.1\r\nHost: m\r\nContent-Length: -1\r\n\r\n",
  () => "CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n",
  () => "GET /v3/accounts/%ZZ HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n",
  () => "GET /v3/accounts/\u00ff\u00fe HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n",
  () => "GET /v3/accounts/self HTTP/1.0\r\n\r\n",
  () => "GET /v3/accounts/self HTTP/1.1\r\nHost: m\r\nExpect: nothing\r\n\r\n",
  () => `POST /v3/hooks HTTP/1.1\r\nHost: m\r\nContent-Length: ${LIMIT * 1000}\r\nExpect: 100-continue\r\n\r\n`,
];

let mock: MockServer;
let port: number;
beforeAll(async () => {
  mock = await startMock({ maxBodyBytes: LIMIT });
  port = Number(new URL(mock.url).port);
});
afterAll(() => mock.stop());

/** What every error the mock produces must look like: the API's `{ error, description }`, two strings. */
function isApiError(contentType: string | undefined, body: string): boolean {
  if (!contentType?.startsWith("application/json")) return false;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return typeof parsed.error === "string" && typeof parsed.description === "string";
  } catch {
    return false;
  }
}

async function runPool<T>(count: number, job: (index: number) => Promise<T>, deadline: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count && Date.now() < deadline) results.push(await job(next++));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

describe("fuzz", () => {
  it(
    "the mock answers 10,000 random requests and keeps serving",
    async () => {
      const random = prng(SEED);
      const deadline = Date.now() + RUN_DEADLINE_MS;
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const before = process.memoryUsage();
      let peak = 0;
      const sample = setInterval(() => {
        const now = process.memoryUsage();
        peak = Math.max(peak, now.heapUsed + now.arrayBuffers - (before.heapUsed + before.arrayBuffers));
      }, 100);
      const outcomes = await runPool(HTTP_REQUESTS, () => sendRandom(agent, port, random), deadline);
      const raw = await runPool(
        RAW_REQUESTS,
        () => rawRequest(port, random.pick(RAW_HEADS)(), { timeoutMs: REQUEST_TIMEOUT_MS }),
        deadline,
      );
      clearInterval(sample);
      agent.destroy();

      const where = `(seed ${SEED})`;
      expect(outcomes.length, `HTTP requests finished before the guard deadline ${where}`).toBe(HTTP_REQUESTS);
      expect(raw.length, `raw requests finished before the guard deadline ${where}`).toBe(RAW_REQUESTS);

      const unanswered = outcomes.filter((outcome) => outcome.status === undefined && !outcome.cut);
      expect(unanswered.slice(0, 5), `requests without an answer ${where}`).toEqual([]);
      const badErrors = outcomes.filter(
        (outcome) =>
          outcome.status !== undefined &&
          outcome.status >= 400 &&
          outcome.method !== "HEAD" &&
          !isApiError(outcome.contentType, outcome.body),
      );
      expect(badErrors.slice(0, 5), `errors outside the API's shape ${where}`).toEqual([]);
      // Bodies over the limit were all refused, so the run did exercise the limit.
      expect(outcomes.filter((outcome) => outcome.status === 413).length).toBeGreaterThan(100);
      expect(outcomes.filter((outcome) => outcome.status === 400).length).toBeGreaterThan(100);
      expect(outcomes.filter((outcome) => outcome.status !== undefined && outcome.status < 300).length).toBeGreaterThan(100);

      const rawUnanswered = raw.filter((answer) => answer.status === undefined);
      expect(rawUnanswered.slice(0, 5), `raw requests without an answer ${where}`).toEqual([]);
      const rawBadErrors = raw.filter(
        (answer) => answer.status !== undefined && answer.status >= 400 && !isApiError(answer.headers["content-type"], answer.body),
      );
      expect(rawBadErrors.slice(0, 5), `raw errors outside the API's shape ${where}`).toEqual([]);

      // Memory follows concurrency × limit, not the ~1 GB this run sent (generous: GC runs when it likes).
      expect(peak).toBeLessThan(256 * 1024 * 1024);

      const after = await fetch(`${mock.url}/accounts/self`, { headers: { authorization: "Bearer fuzz" } });
      expect(after.status).toBe(200);
      expect(((await after.json()) as { email: string }).email).toBe("sample@fax.plus");
    },
    RUN_DEADLINE_MS + 60_000,
  );
});
