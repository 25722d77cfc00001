import { describe, expect, it } from "vitest";
import { AbortError } from "../../src/errors/AbortError.js";
import { ConnectionError } from "../../src/errors/ConnectionError.js";
import { RedirectError } from "../../src/errors/RedirectError.js";
import { ResponseTooLargeError } from "../../src/errors/ResponseTooLargeError.js";
import { TimeoutError } from "../../src/errors/TimeoutError.js";
import { createTransport, type TransportOptions } from "../../src/internal/transport.js";

type Reply = Response | Error | "hang";

/** A fetch that answers from a script, one entry per attempt, recording what it was sent. */
function scripted(replies: Reply[]) {
  const seen: { method: string; url: string; body: string }[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    seen.push({ method: request.method, url: request.url, body: await request.text() });
    const reply = replies[Math.min(seen.length - 1, replies.length - 1)] as Reply;
    if (reply === "hang") {
      return new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    }
    if (reply instanceof Error) throw reply;
    return reply.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const status = (code: number, headers: Record<string, string> = {}) => new Response(code === 204 ? null : "{}", { status: code, headers });
const fastOptions = (extra: Partial<TransportOptions> = {}): TransportOptions => ({
  baseDelayMs: 1,
  maxDelayMs: 4,
  random: () => 0.5,
  ...extra,
});
const get = (url = "https://api.test/v3/accounts/self") => new Request(url);

describe("createTransport: retries", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries GET on %i, then returns the success", async (code) => {
    const { fetch, seen } = scripted([status(code), status(code), status(200)]);
    const response = await createTransport(fastOptions({ fetch }))(get());
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 409, 422])("does not retry %i", async (code) => {
    const { fetch, seen } = scripted([status(code), status(200)]);
    expect((await createTransport(fastOptions({ fetch }))(get())).status).toBe(code);
    expect(seen).toHaveLength(1);
  });

  it("gives up after maxRetries and returns the last response", async () => {
    const { fetch, seen } = scripted([status(503)]);
    const response = await createTransport(fastOptions({ fetch, maxRetries: 3 }))(get());
    expect(response.status).toBe(503);
    expect(seen).toHaveLength(4);
  });

  it("does not retry a POST on a 5xx unless told to, so it is never sent twice", async () => {
    const post = () => new Request("https://api.test/v3/accounts/self/outbox", { method: "POST", body: '{"to":["+1"]}' });
    const once = scripted([status(503), status(201)]);
    expect((await createTransport(fastOptions({ fetch: once.fetch }))(post())).status).toBe(503);
    expect(once.seen).toHaveLength(1);

    const optedIn = scripted([status(503), status(201)]);
    expect((await createTransport(fastOptions({ fetch: optedIn.fetch, retryNonIdempotent: true }))(post())).status).toBe(201);
    expect(optedIn.seen.map((s) => s.body)).toEqual(['{"to":["+1"]}', '{"to":["+1"]}']);
  });

  it("re-sends the same body on every attempt of a PUT", async () => {
    const { fetch, seen } = scripted([status(502), status(200)]);
    const put = new Request("https://api.test/v3/accounts/self/faxes", { method: "PUT", body: '{"ids":["a"],"is_read":true}' });
    await createTransport(fastOptions({ fetch }))(put);
    expect(seen.map((s) => `${s.method} ${s.body}`)).toEqual(['PUT {"ids":["a"],"is_read":true}', 'PUT {"ids":["a"],"is_read":true}']);
  });

  it("backs off exponentially with jitter, capped", async () => {
    const delays: number[] = [];
    const { fetch } = scripted([status(500)]);
    await createTransport({
      fetch,
      maxRetries: 5,
      baseDelayMs: 2,
      maxDelayMs: 10,
      random: () => 1,
      onRetry: (i) => delays.push(i.delayMs),
    })(get());
    expect(delays).toEqual([2, 4, 8, 10, 10]);
  });

  it("honours Retry-After in seconds and as an HTTP date, capped by maxRetryAfterMs", async () => {
    const reasons: { delayMs: number; reason: string }[] = [];
    const onRetry: TransportOptions["onRetry"] = (i) => reasons.push({ delayMs: i.delayMs, reason: i.reason });
    const inOneHour = new Date(Date.now() + 3_600_000).toUTCString();
    const { fetch } = scripted([status(429, { "retry-after": "0" }), status(503, { "retry-after": inOneHour }), status(200)]);
    await createTransport(fastOptions({ fetch, onRetry, maxRetryAfterMs: 20 }))(get());
    expect(reasons[0]).toEqual({ delayMs: 0, reason: "status 429, Retry-After 0 s" });
    expect(reasons[1]?.delayMs).toBe(20);
    expect(reasons[1]?.reason).toMatch(/^status 503, Retry-After 3[56]\d\d s$/);
  });
});

describe("createTransport: POST, retried only when it was not processed", () => {
  const post = () => new Request("https://api.test/v3/accounts/self/outbox", { method: "POST", body: '{"to":["+1"]}' });
  const refused = () =>
    Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });

  it("retries a POST answered 429, with the same body", async () => {
    const { fetch, seen } = scripted([status(429, { "retry-after": "0" }), status(201)]);
    expect((await createTransport(fastOptions({ fetch }))(post())).status).toBe(201);
    expect(seen.map((s) => s.body)).toEqual(['{"to":["+1"]}', '{"to":["+1"]}']);
  });

  it("retries a POST whose connection was refused (undici's ECONNREFUSED)", async () => {
    const { fetch, seen } = scripted([refused(), status(201)]);
    expect((await createTransport(fastOptions({ fetch }))(post())).status).toBe(201);
    expect(seen).toHaveLength(2);
  });

  it.each([
    ["a connection error without a code (what a browser reports)", new TypeError("Failed to fetch")],
    [
      "a reset",
      Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) }),
    ],
  ])("does not retry a POST after %s", async (_name, error) => {
    const { fetch, seen } = scripted([error, status(201)]);
    await expect(createTransport(fastOptions({ fetch }))(post())).rejects.toBeInstanceOf(ConnectionError);
    expect(seen).toHaveLength(1);
  });

  it("does not retry a POST that timed out", async () => {
    const { fetch, seen } = scripted(["hang", status(201)]);
    await expect(createTransport(fastOptions({ fetch, timeoutMs: 20 }))(post())).rejects.toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
  });

  it("retryNonIdempotent: false never retries a POST, not even on 429", async () => {
    const { fetch, seen } = scripted([status(429, { "retry-after": "0" }), status(201)]);
    expect((await createTransport(fastOptions({ fetch, retryNonIdempotent: false }))(post())).status).toBe(429);
    expect(seen).toHaveLength(1);
  });

  it("a call's onRetry hears each retry after the transport's, with the status and Retry-After", async () => {
    const heard: string[] = [];
    const { fetch } = scripted([status(429, { "retry-after": "0" }), status(201)]);
    await createTransport(fastOptions({ fetch, onRetry: (i) => heard.push(`client ${i.status}`) }))(post(), {
      onRetry: (i) => heard.push(`call ${i.status} ${i.retryAfter}`),
    });
    expect(heard).toEqual(["client 429", "call 429 0"]);
  });
});

describe("createTransport: failures", () => {
  it("retries connection errors, then throws ConnectionError", async () => {
    const { fetch, seen } = scripted([new TypeError("fetch failed: ECONNRESET")]);
    const error = await createTransport(fastOptions({ fetch, maxRetries: 2 }))(get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("GET https://api.test/v3/accounts/self could not connect: fetch failed: ECONNRESET");
    expect(seen).toHaveLength(3);
  });

  it("times out each attempt on its own, then throws TimeoutError", async () => {
    const { fetch, seen } = scripted(["hang", "hang"]);
    const error = await createTransport(fastOptions({ fetch, timeoutMs: 30, maxRetries: 1 }))(get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("GET https://api.test/v3/accounts/self timed out after 30 ms");
    expect(seen).toHaveLength(2);
  });

  it("aborts the signal fetch was given when the attempt times out, freeing the connection", async () => {
    const signals: AbortSignal[] = [];
    const fetch = ((_request: Request, init?: RequestInit) => {
      signals.push(init?.signal as AbortSignal);
      return new Promise<Response>(() => undefined);
    }) as typeof globalThis.fetch;
    await expect(createTransport(fastOptions({ fetch, timeoutMs: 20, maxRetries: 0 }))(get())).rejects.toBeInstanceOf(TimeoutError);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });

  it("a fetch that throws instead of rejecting is a ConnectionError, retried like any", async () => {
    let calls = 0;
    const fetch = (() => {
      if (++calls === 1) throw new TypeError("bad fetch");
      return Promise.resolve(status(200));
    }) as unknown as typeof globalThis.fetch;
    expect((await createTransport(fastOptions({ fetch }))(get())).status).toBe(200);
    const error = await createTransport(
      fastOptions({
        fetch: (() => {
          throw new TypeError("bad fetch");
        }) as typeof globalThis.fetch,
        maxRetries: 0,
      }),
    )(get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it("a fetch that ignores every signal still cannot hang an attempt past its timeout", async () => {
    const fetch = (() => new Promise<Response>(() => undefined)) as typeof globalThis.fetch;
    const error = await createTransport(fastOptions({ fetch, timeoutMs: 20, maxRetries: 0 }))(get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("a slow first attempt times out and a fast second one succeeds", async () => {
    const { fetch, seen } = scripted(["hang", status(200)]);
    expect((await createTransport(fastOptions({ fetch, timeoutMs: 30 }))(get())).status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it("the caller's abort cancels the attempt at once and is never retried", async () => {
    const { fetch, seen } = scripted(["hang"]);
    const controller = new AbortController();
    const pending = createTransport(fastOptions({ fetch, timeoutMs: 10_000 }))(
      new Request("https://api.test/v3/x", { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 10);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(1);
  });

  it("an abort during the backoff wait stops at once", async () => {
    const { fetch, seen } = scripted([status(503)]);
    const controller = new AbortController();
    const pending = createTransport({ fetch, baseDelayMs: 10_000, random: () => 0 })(
      new Request("https://api.test/v3/x", { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 20);
    expect(await pending.catch((e: unknown) => e)).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(1);
  });

  it("an already-aborted signal sends nothing", async () => {
    const { fetch, seen } = scripted([status(200)]);
    const error = await createTransport(fastOptions({ fetch }))(
      new Request("https://api.test/v3/x", { signal: AbortSignal.abort() }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(0);
  });

  it("redacts secrets in the URL of messages", async () => {
    const { fetch } = scripted([new TypeError("boom")]);
    const error = await createTransport(fastOptions({ fetch, maxRetries: 0 }))(
      get("https://api.test/v3/x?access_token=tok_SECRET_123"),
    ).catch((e: unknown) => e);
    expect(String(error)).not.toContain("tok_SECRET_123");
    expect(JSON.stringify(error)).not.toContain("tok_SECRET_123");
  });
});

describe("createTransport: per-call overrides", () => {
  it("a call's timeout replaces the client's", async () => {
    const { fetch } = scripted(["hang"]);
    const transport = createTransport(fastOptions({ fetch, timeoutMs: 10_000, maxRetries: 0 }));
    const error = await transport(get(), { timeoutMs: 25 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("GET https://api.test/v3/accounts/self timed out after 25 ms");
  });

  it("a call's maxRetries replaces the client's", async () => {
    const { fetch, seen } = scripted([status(503)]);
    await createTransport(fastOptions({ fetch, maxRetries: 5 }))(get(), { maxRetries: 1 });
    expect(seen).toHaveLength(2);
  });

  it("a call may opt a POST into retries; other calls on the same transport still are not retried", async () => {
    const { fetch, seen } = scripted([status(503), status(201), status(503), status(201)]);
    const transport = createTransport(fastOptions({ fetch }));
    const post = () => new Request("https://api.test/v3/accounts/self/outbox", { method: "POST", body: "{}" });
    expect((await transport(post(), { retryNonIdempotent: true })).status).toBe(201);
    expect(seen).toHaveLength(2);
    expect((await transport(post())).status).toBe(503);
    expect(seen).toHaveLength(3);
  });
});

describe("createTransport: logging", () => {
  it("logs attempts at debug and retries at info, with redacted URLs", async () => {
    const lines: string[] = [];
    const logger = {
      debug: (m: string) => lines.push(`debug ${m}`),
      info: (m: string) => lines.push(`info ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      error: (m: string) => lines.push(`error ${m}`),
    };
    const { fetch } = scripted([status(503), status(200)]);
    await createTransport(fastOptions({ fetch, logger }))(get("https://api.test/v3/x?access_token=tok_SECRET_123"));
    expect(lines.map((line) => line.replace(/in \d+ ms$/, "in N ms"))).toEqual([
      "debug → GET https://api.test/v3/x?access_token=[redacted]",
      "debug ← GET https://api.test/v3/x?access_token=[redacted] 503 in N ms",
      "info retrying GET https://api.test/v3/x?access_token=[redacted] in 1 ms (retry 1 of 2): status 503",
      "debug → GET https://api.test/v3/x?access_token=[redacted]",
      "debug ← GET https://api.test/v3/x?access_token=[redacted] 200 in N ms",
    ]);
  });
});

describe("createTransport: redirects, size and deadline", () => {
  it("sends every attempt with redirect: manual, so fetch itself never follows one", async () => {
    const modes: string[] = [];
    const fetch = (async (request: Request) => {
      modes.push(request.redirect);
      return status(200);
    }) as typeof globalThis.fetch;
    await createTransport(fastOptions({ fetch }))(get());
    expect(modes).toEqual(["manual"]);
  });

  it.each([301, 302, 303, 307, 308, 300, 304])("a %i is a RedirectError, not retried", async (code) => {
    const { fetch, seen } = scripted([new Response(null, { status: code, headers: { location: "https://elsewhere.test/x?sig=1" } })]);
    const error = await createTransport(fastOptions({ fetch }))(get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).status).toBe(code);
    expect((error as RedirectError).location).toBe("https://elsewhere.test/x");
    expect(seen).toHaveLength(1);
  });

  it("a Content-Length over maxResponseBytes is a ResponseTooLargeError before the body is read", async () => {
    const { fetch } = scripted([new Response("x".repeat(100), { headers: { "content-length": "100" } })]);
    const error = await createTransport(fastOptions({ fetch, maxResponseBytes: 99 }))(get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).maxBytes).toBe(99);
  });

  it("a retry whose wait would pass the deadline is not made: the last response is returned at once", async () => {
    const { fetch, seen } = scripted([status(503, { "retry-after": "10" }), status(200)]);
    const retried: unknown[] = [];
    const response = await createTransport(fastOptions({ fetch, deadlineMs: 1000, onRetry: (info) => retried.push(info) }))(get());
    expect(response.status).toBe(503);
    expect(seen).toHaveLength(1);
    expect(retried).toEqual([]);
  });

  it("past the deadline, nothing more is sent: a TimeoutError naming the deadline", async () => {
    const { fetch, seen } = scripted([status(200)]);
    const error = await createTransport(fastOptions({ fetch }))(get(), { deadlineMs: 50, deadlineAt: Date.now() - 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("GET https://api.test/v3/accounts/self did not finish within its deadline of 50 ms");
    expect(seen).toHaveLength(0);
  });
});
