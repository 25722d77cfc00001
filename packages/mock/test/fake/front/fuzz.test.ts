import { Agent, request } from "node:http";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeServer } from "../../../src/fake/start-fake.js";
import { startFake } from "../../../src/index.js";
import { createFakeHandlers } from "../../../src/msw.js";
import { isApiError, prng, type RandomRequest, randomRequest } from "./support/random-requests.js";

// Random requests against both front ends on the real engine: none may crash the process,
// go unanswered, or get an error outside the API's shape; both keep serving afterwards.

const SEED = 0xfa4e_2026;
const LIMIT = 16 * 1024;
const SERVER_REQUESTS = 3_000;
const MSW_REQUESTS = 1_500;
const CONCURRENCY = 16;
/** A guard against a hang, not a speed claim: the run stops launching requests after this. */
const RUN_DEADLINE_MS = 90_000;

interface Outcome {
  request: RandomRequest;
  status: number | undefined;
  contentType: string | null;
  body: string;
  error?: string;
}

async function runPool<T>(count: number, job: () => Promise<T>, deadline: number): Promise<T[]> {
  const results: T[] = [];
  let launched = 0;
  const worker = async () => {
    while (launched < count && Date.now() < deadline) {
      launched++;
      results.push(await job());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

/** Problems in a run: unanswered requests, and errors (status ≥ 400, not HEAD) outside the API's shape. */
function problems(outcomes: Outcome[]) {
  return {
    unanswered: outcomes.filter((o) => o.status === undefined).slice(0, 5),
    badErrors: outcomes
      .filter((o) => o.status !== undefined && o.status >= 400 && o.request.method !== "HEAD" && !isApiError(o.contentType, o.body))
      .slice(0, 5),
  };
}

describe("fuzz: startFake", () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFake({ maxBodyBytes: LIMIT });
  });
  afterAll(() => fake.stop());

  function send(agent: Agent, port: number, random: ReturnType<typeof prng>): Promise<Outcome> {
    const sent = randomRequest(random, LIMIT);
    const headers = { ...sent.headers, ...(sent.body ? { "content-length": String(sent.body.byteLength) } : {}) };
    return new Promise((resolve) => {
      const outgoing = request(
        { agent, host: "127.0.0.1", port, method: sent.method, path: sent.target, headers, timeout: 10_000 },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () =>
            resolve({
              request: sent,
              status: answer.statusCode,
              contentType: answer.headers["content-type"] ?? null,
              body: Buffer.concat(chunks).toString("utf8"),
            }),
          );
        },
      );
      outgoing.on("timeout", () => outgoing.destroy(new Error("no answer within 10 s")));
      outgoing.on("error", (error) => resolve({ request: sent, status: undefined, contentType: null, body: "", error: error.message }));
      outgoing.end(sent.body);
    });
  }

  it(
    `answers ${SERVER_REQUESTS} random requests in the API's shape and keeps serving`,
    async () => {
      const random = prng(SEED);
      const port = Number(new URL(fake.url).port);
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const outcomes = await runPool(SERVER_REQUESTS, () => send(agent, port, random), Date.now() + RUN_DEADLINE_MS);
      agent.destroy();
      const where = `(seed ${SEED})`;
      expect(outcomes.length, `requests finished before the guard deadline ${where}`).toBe(SERVER_REQUESTS);
      expect(problems(outcomes), where).toEqual({ unanswered: [], badErrors: [] });
      // The run did exercise the boundary and the engine.
      expect(outcomes.filter((o) => o.status === 413).length).toBeGreaterThan(50);
      expect(outcomes.filter((o) => o.status === 400).length).toBeGreaterThan(50);
      expect(outcomes.filter((o) => o.status !== undefined && o.status < 300).length).toBeGreaterThan(50);
      const after = await fetch(`${fake.url}/accounts/self`, { headers: { authorization: "Bearer fuzz" } });
      expect(after.status).toBe(200);
    },
    RUN_DEADLINE_MS + 30_000,
  );
});

/** Whether the request's URL, as fetch normalises it, is the default base URL or under it. */
function underBaseUrl(outcome: Outcome): boolean {
  const { pathname } = new URL(`https://restapi.fax.plus${outcome.request.target}`);
  return pathname === "/v3" || pathname.startsWith("/v3/");
}

describe("fuzz: createFakeHandlers", () => {
  const { handlers, fake } = createFakeHandlers({ maxBodyBytes: LIMIT });
  // Whatever the fake's handlers do not take lands on the catch-all: nothing leaves the process.
  // A RegExp without groups: MSW decodes a string pattern's wildcard, and "%E2%82" would throw there.
  const NOT_THE_FAKE = 418;
  const server = setupServer(
    ...handlers,
    http.all(/^https:\/\/restapi\.fax\.plus\//, () => new HttpResponse("not the fake", { status: NOT_THE_FAKE })),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(async () => {
    server.close();
    await fake.close();
  });

  async function send(random: ReturnType<typeof prng>): Promise<Outcome> {
    const sent = randomRequest(random, LIMIT);
    try {
      const answer = await fetch(`https://restapi.fax.plus${sent.target}`, {
        method: sent.method,
        headers: sent.headers,
        ...(sent.body && sent.method !== "HEAD" && sent.method !== "GET" ? { body: sent.body } : {}),
        signal: AbortSignal.timeout(10_000),
      });
      return { request: sent, status: answer.status, contentType: answer.headers.get("content-type"), body: await answer.text() };
    } catch (error) {
      return { request: sent, status: undefined, contentType: null, body: "", error: String(error) };
    }
  }

  it(
    `answers ${MSW_REQUESTS} random requests in the API's shape and keeps answering`,
    async () => {
      const random = prng(SEED + 1);
      const outcomes = await runPool(MSW_REQUESTS, () => send(random), Date.now() + RUN_DEADLINE_MS);
      const where = `(seed ${SEED + 1})`;
      expect(outcomes.length, `requests finished before the guard deadline ${where}`).toBe(MSW_REQUESTS);
      // The handlers take the base URL and what is under it, and nothing else.
      const [mine, elsewhere] = [outcomes.filter(underBaseUrl), outcomes.filter((o) => !underBaseUrl(o))];
      expect(problems(mine), where).toEqual({ unanswered: [], badErrors: [] });
      expect(mine.filter((o) => o.status === NOT_THE_FAKE).slice(0, 5), where).toEqual([]);
      expect(elsewhere.filter((o) => o.status !== NOT_THE_FAKE).slice(0, 5), where).toEqual([]);
      expect(outcomes.filter((o) => o.status === 413).length).toBeGreaterThan(20);
      expect(outcomes.filter((o) => o.status !== undefined && o.status < 300).length).toBeGreaterThan(20);
      const after = await fetch("https://restapi.fax.plus/v3/accounts/self", { headers: { authorization: "Bearer fuzz" } });
      expect(after.status).toBe(200);
    },
    RUN_DEADLINE_MS + 30_000,
  );
});
