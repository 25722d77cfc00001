import { inspect } from "node:util";
import { FaxValidationError } from "@faxkit/validator";
import { describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ConnectionError,
  createFaxPlusClient,
  type FaxPlusClientOptions,
  FaxPlusError,
  ServerError,
  TimeoutError,
} from "../../src/index.js";
import { MAX_IDS_PER_REQUEST } from "../../src/resources/bulk-update-all.js";

const TOKEN = "tok_SECRET_bulk_0123456789";
const BASE_URL = "https://api.test/v3";

/** A distinct, valid fax ID per number. */
const id = (n: number) => `fax${String(n).padStart(8, "0")}`;
const ids = (from: number, count: number) => Array.from({ length: count }, (_, k) => id(from + k));

interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: Record<string, unknown> & { ids: string[] };
}

type Handler = (sent: SentRequest, request: Request) => Response | Promise<Response>;

/** Answers every ID it was sent with `codeFor(id)` (default 204), as the API does. */
const answerAll =
  (codeFor: (id: string) => number = () => 204): Handler =>
  ({ body }) =>
    Response.json({ results: body.ids.map((each) => ({ id: each, code: codeFor(each) })) });

/** Never answers; rejects when the request's signal fires (timeout or caller abort), like a real fetch. */
const hang = (request: Request) =>
  new Promise<Response>((_, reject) => {
    const fail = () => reject(request.signal.reason ?? new DOMException("aborted", "AbortError"));
    if (request.signal.aborted) fail();
    request.signal.addEventListener("abort", fail, { once: true });
  });

/**
 * An injected fetch standing in for the API: records every attempt (body parsed), tracks
 * how many are in flight at once, and answers with `handler`.
 */
function fakeApi(handler: Handler = answerAll(), delayMs = 0) {
  const sent: SentRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = (async (request: Request) => {
    const entry: SentRequest = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: (await request.clone().json()) as SentRequest["body"],
    };
    sent.push(entry);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return await handler(entry, request);
    } finally {
      inFlight--;
    }
  }) as typeof globalThis.fetch;
  return {
    fetch,
    sent,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Every ID that reached the API, over all attempts. */
    sentIds: () => sent.flatMap((request) => request.body.ids),
  };
}

function client(fetch: typeof globalThis.fetch, options: Partial<FaxPlusClientOptions> = {}) {
  return createFaxPlusClient({ fetch, token: TOKEN, baseUrl: BASE_URL, maxRetries: 0, logLevel: "off", ...options });
}

describe("faxes.bulkUpdateAll: chunking, duplicates and order", () => {
  it("sends 250 IDs (10 of them repeats) as exactly 3 requests and returns 250 results in input order", async () => {
    const api = fakeApi();
    const fax = client(api.fetch);
    const unique = ids(0, 240);
    // Repeats spread through the list, including one right after its first occurrence.
    const input = [...unique];
    for (let k = 0; k < 10; k++) input.splice(k * 25 + 1, 0, unique[k * 20] as string);
    expect(input).toHaveLength(250);

    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: input, is_read: true });

    expect(api.sent).toHaveLength(3);
    expect(api.sent.map((r) => r.body.ids.length)).toEqual([100, 100, 40]);
    expect(api.sent.every((r) => r.method === "PUT" && r.url === `${BASE_URL}/accounts/self/faxes`)).toBe(true);
    expect(api.sent.every((r) => r.body.is_read === true && Object.keys(r.body).sort().join() === "ids,is_read")).toBe(true);
    // Every unique ID sent exactly once, in first-appearance order.
    expect(api.sentIds()).toEqual(unique);

    expect(results.map((r) => r.id)).toEqual(input);
    const seen = new Set<string>();
    for (const [index, result] of results.entries()) {
      expect(result.ok, `item ${index}`).toBe(true);
      expect(result.code).toBe(204);
      expect(result.duplicate === true, `duplicate flag of item ${index}`).toBe(seen.has(result.id));
      seen.add(result.id);
    }
    expect(summary).toEqual({
      total: 250,
      unique: 240,
      succeeded: 240,
      failed: 0,
      requests: 3,
      byCode: { "204": 240 },
      aborted: false,
    });
  });

  it("copies the first occurrence's outcome to later ones, failures included", async () => {
    const api = fakeApi(answerAll((each) => (each === id(1) ? 404 : 204)));
    const fax = client(api.fetch);
    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: [id(1), id(2), id(1), id(1)], comment: "x" });
    expect(api.sentIds()).toEqual([id(1), id(2)]);
    expect(results).toEqual([
      { id: id(1), ok: false, code: 404 },
      { id: id(2), ok: true, code: 204 },
      { id: id(1), ok: false, code: 404, duplicate: true },
      { id: id(1), ok: false, code: 404, duplicate: true },
    ]);
    expect(summary).toMatchObject({ total: 4, unique: 2, succeeded: 1, failed: 1, byCode: { "204": 1, "404": 1 } });
  });

  it("names the per-request limit of the API", () => {
    expect(MAX_IDS_PER_REQUEST).toBe(100);
  });

  it.each([
    { concurrency: undefined, expected: 4 },
    { concurrency: 1, expected: 1 },
    { concurrency: 3, expected: 3 },
    { concurrency: 50, expected: 10 }, // never more than there are chunks
  ])("keeps at most $expected requests in flight with concurrency $concurrency", async ({ concurrency, expected }) => {
    const api = fakeApi(answerAll(), 15);
    const fax = client(api.fetch);
    const { summary } = await fax.faxes.bulkUpdateAll(
      { ids: ids(0, 1000), is_read: false },
      concurrency === undefined ? {} : { concurrency },
    );
    expect(api.sent).toHaveLength(10);
    expect(api.maxInFlight).toBe(expected);
    expect(summary).toMatchObject({ succeeded: 1000, failed: 0, requests: 10 });
  });

  it.each([
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "4",
    null,
  ])("rejects concurrency %s with a TypeError naming it", async (concurrency) => {
    const api = fakeApi();
    const fax = client(api.fetch);
    await expect(fax.faxes.bulkUpdateAll({ ids: [id(1)], is_read: true }, { concurrency: concurrency as number })).rejects.toThrow(
      new TypeError(
        `faxes.bulkUpdateAll: concurrency must be a positive integer (got ${typeof concurrency === "string" ? '"4"' : String(concurrency)})`,
      ),
    );
    expect(api.sent).toHaveLength(0);
  });
});

describe("faxes.bulkUpdateAll: per-item codes and failed chunks", () => {
  it("counts per-item codes by code; only 204 is a success", async () => {
    const codes: Record<string, number> = { [id(3)]: 404, [id(4)]: 409, [id(5)]: 409, [id(6)]: 403, [id(7)]: 500 };
    const api = fakeApi(answerAll((each) => codes[each] ?? 204));
    const fax = client(api.fetch);
    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: ids(0, 10), is_read: true });
    expect(results.map((r) => [r.code, r.ok])).toEqual([
      [204, true],
      [204, true],
      [204, true],
      [404, false],
      [409, false],
      [409, false],
      [403, false],
      [500, false],
      [204, true],
      [204, true],
    ]);
    expect(results.every((r) => r.error === undefined)).toBe(true);
    expect(summary).toMatchObject({ succeeded: 5, failed: 5, requests: 1, byCode: { "204": 5, "404": 1, "409": 2, "403": 1, "500": 1 } });
  });

  // The second chunk (ids 100..199) fails every attempt; the others answer normally.
  const secondChunk = (request: SentRequest) => request.body.ids[0] === id(100);
  it.each([
    {
      name: "answers 500 on every attempt",
      fail: (() => Response.json({ error: "internal", description: "boom" }, { status: 500 })) as Handler,
      errorClass: ServerError,
      options: {},
    },
    {
      name: "drops the connection on every attempt",
      fail: (() => Promise.reject(new TypeError("fetch failed: ECONNRESET"))) as Handler,
      errorClass: ConnectionError,
      options: {},
    },
    {
      name: "never answers (per-call timeout)",
      fail: ((_: SentRequest, request: Request) => hang(request)) as Handler,
      errorClass: TimeoutError,
      options: { timeout: 40 },
    },
  ])("a chunk that $name after the retries fails its 100 items with that error; the others succeed", async ({
    fail,
    errorClass,
    options,
  }) => {
    const api = fakeApi((sent, request) => (secondChunk(sent) ? fail(sent, request) : answerAll()(sent, request)));
    const fax = client(api.fetch, { maxRetries: 1, onRetry: () => undefined });
    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: ids(0, 300), is_read: true }, { ...options, concurrency: 1 });

    // 1 + 1 retry for the failing chunk.
    expect(api.sent.filter(secondChunk)).toHaveLength(2);
    expect(api.sent).toHaveLength(4);
    expect(results).toHaveLength(300);
    for (const [index, result] of results.entries()) {
      if (index >= 100 && index < 200) {
        expect(result, `item ${index}`).toMatchObject({ id: id(index), ok: false, code: undefined });
        expect(result.error).toBeInstanceOf(errorClass);
      } else {
        expect(result, `item ${index}`).toEqual({ id: id(index), ok: true, code: 204 });
      }
    }
    // The same error object for the whole chunk (it is one request's outcome).
    expect(new Set(results.slice(100, 200).map((r) => r.error)).size).toBe(1);
    expect(summary).toEqual({
      total: 300,
      unique: 300,
      succeeded: 200,
      failed: 100,
      requests: 3,
      byCode: { "204": 200, error: 100 },
      aborted: false,
    });
  });

  it("passes the per-call options on to every chunk (maxRetries, headers, user_id)", async () => {
    const api = fakeApi((sent, request) =>
      sent.body.ids[0] === id(0) ? new Response("busy", { status: 503 }) : answerAll()(sent, request),
    );
    const fax = client(api.fetch, { maxRetries: 0 });
    const { results } = await fax.faxes.bulkUpdateAll(
      { ids: ids(0, 150), is_read: true, user_id: "member_7" },
      { maxRetries: 2, headers: { "x-trace": "t-1" }, concurrency: 1 },
    );
    expect(api.sent.filter((r) => r.body.ids[0] === id(0))).toHaveLength(3); // per-call maxRetries 2 beats the client's 0
    expect(api.sent.every((r) => r.headers.get("x-trace") === "t-1")).toBe(true);
    expect(api.sent.every((r) => r.url === `${BASE_URL}/accounts/member_7/faxes`)).toBe(true);
    expect(api.sent.every((r) => !("user_id" in r.body))).toBe(true);
    expect(results[0]?.error).toBeInstanceOf(ServerError);
    expect((results[0]?.error as ServerError).status).toBe(503);
    expect(results[149]).toEqual({ id: id(149), ok: true, code: 204 });
  });

  it("reports an ID the answer does not mention as a failure saying so (and ignores entries it cannot read)", async () => {
    const api = fakeApi(({ body }) =>
      Response.json({
        results: [
          ...body.ids.filter((each) => each !== id(2) && each !== id(3)).map((each) => ({ id: each, code: 204 })),
          { id: "not-sent", code: 204 },
          { id: id(3), code: "204" }, // not a number: unreadable
          null,
        ],
      }),
    );
    const fax = client(api.fetch);
    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: ids(0, 5), is_read: true });
    for (const index of [2, 3]) {
      const result = results[index];
      expect(result).toMatchObject({ id: id(index), ok: false, code: undefined });
      expect(result?.error).toBeInstanceOf(FaxPlusError);
      expect(result?.error?.message).toContain("the API returned no result for this ID");
      expect(result?.error?.message).toContain(id(index));
    }
    expect(results.map((r) => r.id)).toEqual(ids(0, 5)); // "not-sent" is not added
    expect(summary).toMatchObject({ succeeded: 3, failed: 2, byCode: { "204": 3, error: 2 } });
  });

  it("reports every ID of a chunk whose 200 answer has no results list", async () => {
    const api = fakeApi(() => Response.json({ status: "ok" }));
    const fax = client(api.fetch);
    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: ids(0, 3), is_read: true });
    expect(results.map((r) => r.error?.message.includes("the API returned no result for this ID"))).toEqual([true, true, true]);
    expect(summary).toMatchObject({ succeeded: 0, failed: 3, byCode: { error: 3 } });
  });
});

describe("faxes.bulkUpdateAll: validation up front", () => {
  it("reports bad IDs as per-item failures and never sends them", async () => {
    const api = fakeApi();
    const fax = client(api.fetch);
    const tooLong = "x".repeat(33);
    const input = [id(0), tooLong, 42, id(1), null, "", { id: "obj" }, "y".repeat(32), tooLong] as unknown as string[];
    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: input, is_read: true });

    // The schema sets no minLength on an ID, so "" is valid and sent (the API answers for it).
    expect(api.sentIds()).toEqual([id(0), id(1), "", "y".repeat(32)]);
    const invalid: Array<[number, string]> = [
      [1, "/ids/1: must be at most 32 characters (got 33)"],
      [2, "/ids/2: must be string (got integer)"],
      [4, "/ids/4: must be string (got null)"],
      [6, "/ids/6: must be string (got object)"],
    ];
    for (const [index, message] of invalid) {
      const result = results[index];
      expect(result?.id).toBe(input[index]);
      expect(result?.ok).toBe(false);
      expect(result?.code).toBeUndefined();
      expect(result?.error).toBeInstanceOf(FaxValidationError);
      expect((result?.error as FaxValidationError).issues.map((issue) => issue.message)).toEqual([message]);
      expect(result?.error?.message).toContain(message);
    }
    // A repeated bad ID is copied from the first, which names the first index.
    expect(results[8]).toMatchObject({ id: tooLong, ok: false, code: undefined, duplicate: true });
    expect(results[8]?.error).toBe(results[1]?.error);
    expect(summary).toEqual({
      total: 9,
      unique: 8,
      succeeded: 4,
      failed: 4,
      requests: 1,
      byCode: { "204": 4, invalid: 4 },
      aborted: false,
    });
  });

  it("resolves with every item invalid and sends nothing when no ID is valid", async () => {
    const api = fakeApi();
    const fax = client(api.fetch);
    const onProgress = vi.fn();
    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: ["a".repeat(40), "b".repeat(33)], is_read: true }, { onProgress });
    expect(api.sent).toHaveLength(0);
    expect(onProgress).not.toHaveBeenCalled();
    expect(results.every((r) => !r.ok && r.code === undefined && r.error instanceof FaxValidationError)).toBe(true);
    expect(summary).toEqual({ total: 2, unique: 2, succeeded: 0, failed: 2, requests: 0, byCode: { invalid: 2 }, aborted: false });
  });

  it.each([
    {
      name: "neither is_read nor comment",
      args: { ids: [id(1)] },
      message: "/: must have at least one of the properties 'is_read', 'comment'",
    },
    {
      name: "a comment over 100 characters",
      args: { ids: [id(1)], comment: "c".repeat(101) },
      message: "/comment: must be at most 100 characters (got 101)",
    },
    { name: "an unknown property", args: { ids: [id(1)], is_read: true, mark: "x" }, message: "/mark: is not allowed (unknown property)" },
    { name: "is_read not a boolean", args: { ids: [id(1)], is_read: "yes" }, message: "/is_read: must be boolean (got string)" },
    { name: "ids not an array", args: { ids: id(1), is_read: true }, message: "/ids: must be array (got string)" },
    { name: "ids empty", args: { ids: [], is_read: true }, message: "/ids: must have at least 1 item (got 0)" },
    { name: "ids missing", args: { is_read: true }, message: "/: must have required property 'ids'" },
    { name: "no argument object", args: null, message: "/: must be object (got null)" },
    // A payload problem is found even when the first ID is bad too.
    {
      name: "a bad payload with a bad first ID",
      args: { ids: ["z".repeat(40)], comment: 5 },
      message: "/comment: must be string (got integer)",
    },
  ])("throws FaxValidationError for $name and sends nothing", async ({ args, message }) => {
    const api = fakeApi();
    const fax = client(api.fetch);
    const onProgress = vi.fn();
    const call = fax.faxes.bulkUpdateAll(args as never, { onProgress });
    await expect(call).rejects.toBeInstanceOf(FaxValidationError);
    await expect(call).rejects.toThrow(`invalid bulkUpdateFaxes request: ${message}`);
    const error = (await call.catch((e: unknown) => e)) as FaxValidationError;
    expect(error.issues.map((issue) => issue.path).some((path) => path.startsWith("/ids/"))).toBe(false);
    expect(api.sent).toHaveLength(0);
    expect(onProgress).not.toHaveBeenCalled();
  });

  it("rejects a bad user_id before sending anything", async () => {
    const api = fakeApi();
    const fax = client(api.fetch);
    await expect(fax.faxes.bulkUpdateAll({ ids: ids(0, 300), is_read: true, user_id: "" })).rejects.toThrow(TypeError);
    expect(api.sent).toHaveLength(0);
  });

  it("rejects an onProgress that is not a function", async () => {
    const api = fakeApi();
    const fax = client(api.fetch);
    await expect(fax.faxes.bulkUpdateAll({ ids: [id(1)], is_read: true }, { onProgress: "log" as never })).rejects.toThrow(
      'faxes.bulkUpdateAll: onProgress must be a function (got "log")',
    );
    expect(api.sent).toHaveLength(0);
  });
});

describe("outbox.bulkUpdateAll", () => {
  it("drives bulkUpdateOutboxFaxes: PUT /outbox with { ids, comment }, chunks of 100", async () => {
    const api = fakeApi(answerAll((each) => (each === id(120) ? 409 : 204)));
    const fax = client(api.fetch);
    const { results, summary } = await fax.outbox.bulkUpdateAll({ ids: ids(0, 150), comment: "hold" });
    expect(api.sent.map((r) => [r.method, r.url, r.body.ids.length])).toEqual([
      ["PUT", `${BASE_URL}/accounts/self/outbox`, 100],
      ["PUT", `${BASE_URL}/accounts/self/outbox`, 50],
    ]);
    expect(api.sent.every((r) => r.body.comment === "hold" && Object.keys(r.body).sort().join() === "comment,ids")).toBe(true);
    expect(results[120]).toEqual({ id: id(120), ok: false, code: 409 });
    expect(summary).toMatchObject({ succeeded: 149, failed: 1, requests: 2, byCode: { "204": 149, "409": 1 } });
  });

  it.each([
    { name: "no comment", args: { ids: [id(1)] }, message: "/: must have required property 'comment'" },
    {
      name: "is_read (faxes only)",
      args: { ids: [id(1)], comment: "c", is_read: true },
      message: "/is_read: is not allowed (unknown property)",
    },
    { name: "empty ids", args: { ids: [], comment: "c" }, message: "/ids: must have at least 1 item (got 0)" },
  ])("throws FaxValidationError for $name and sends nothing", async ({ args, message }) => {
    const api = fakeApi();
    const fax = client(api.fetch);
    await expect(fax.outbox.bulkUpdateAll(args as never)).rejects.toThrow(`invalid bulkUpdateOutboxFaxes request: ${message}`);
    expect(api.sent).toHaveLength(0);
  });

  it("reports a bad outbox ID per item, naming the outbox operation", async () => {
    const api = fakeApi();
    const fax = client(api.fetch);
    const { results } = await fax.outbox.bulkUpdateAll({ ids: [id(1), "q".repeat(33)], comment: "c" });
    expect(api.sentIds()).toEqual([id(1)]);
    expect(results[1]?.error?.message).toBe("invalid bulkUpdateOutboxFaxes request: /ids/1: must be at most 32 characters (got 33)");
  });
});

describe("faxes.bulkUpdateAll: progress", () => {
  it("calls onProgress after every chunk with running counts (rejected IDs count as settled)", async () => {
    const api = fakeApi(answerAll((each) => (each === id(150) ? 404 : 204)));
    const fax = client(api.fetch);
    const progress: unknown[] = [];
    const input = [..."ab".split("").map((c) => c.repeat(33)), ...ids(0, 250)];
    await fax.faxes.bulkUpdateAll({ ids: input, is_read: true }, { concurrency: 1, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { done: 102, total: 252, succeeded: 100, failed: 2 },
      { done: 202, total: 252, succeeded: 199, failed: 3 },
      { done: 252, total: 252, succeeded: 249, failed: 3 },
    ]);
  });

  it("a throwing (or rejecting) onProgress loses nothing: logged at warn, the run goes on", async () => {
    const api = fakeApi();
    const warn = vi.fn();
    const fax = client(api.fetch, { logger: { warn }, logLevel: "warn" });
    let calls = 0;
    const { results, summary } = await fax.faxes.bulkUpdateAll(
      { ids: ids(0, 300), is_read: true },
      {
        concurrency: 1,
        onProgress: (() => {
          calls++;
          if (calls === 1) throw new Error(`progress bar broke (${TOKEN})`);
          if (calls === 2) return Promise.reject(new Error("async progress broke"));
        }) as () => void,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the rejected promise's handler run
    expect(calls).toBe(3);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(summary).toMatchObject({ succeeded: 300, requests: 3 });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toBe("faxes.bulkUpdateAll: onProgress threw; ignored, the bulk update goes on");
    expect(warn.mock.calls[0]?.[1]).toEqual({ operationId: "bulkUpdateFaxes", error: "Error: progress bar broke ([redacted])" });
    expect(warn.mock.calls[1]?.[1]).toEqual({ operationId: "bulkUpdateFaxes", error: "Error: async progress broke" });
  });
});

describe("faxes.bulkUpdateAll: abort", () => {
  it("stops starting chunks, fails in-flight and unsent ones with AbortError, and resolves with everything", async () => {
    const controller = new AbortController();
    // Chunk 2 of 5 aborts the caller's signal while in flight.
    const api = fakeApi((sent, request) => {
      if (sent.body.ids[0] !== id(100)) return answerAll()(sent, request);
      setTimeout(() => controller.abort(new Error("user pressed cancel")), 5);
      return hang(request);
    });
    const fax = client(api.fetch);
    const progress: number[] = [];
    const { results, summary } = await fax.faxes.bulkUpdateAll(
      { ids: ids(0, 500), is_read: true },
      { concurrency: 1, signal: controller.signal, onProgress: (p) => progress.push(p.done) },
    );

    expect(api.sent).toHaveLength(2); // chunks 3..5 never sent
    expect(results).toHaveLength(500);
    expect(results.slice(0, 100).every((r) => r.ok && r.code === 204)).toBe(true);
    const inFlight = results[100]?.error;
    const notSent = results[200]?.error;
    expect(inFlight).toBeInstanceOf(AbortError);
    expect(notSent).toBeInstanceOf(AbortError);
    expect(notSent?.message).toContain("not sent, the caller aborted");
    expect(results.slice(100).every((r) => !r.ok && r.code === undefined && r.error instanceof AbortError)).toBe(true);
    expect(progress).toEqual([100, 200, 300, 400, 500]);
    expect(summary).toEqual({
      total: 500,
      unique: 500,
      succeeded: 100,
      failed: 400,
      requests: 2,
      byCode: { "204": 100, error: 400 },
      aborted: true,
    });
  });

  it("sends nothing when the signal has already fired, and still validates first", async () => {
    const api = fakeApi();
    const fax = client(api.fetch);
    const signal = AbortSignal.abort();
    await expect(fax.faxes.bulkUpdateAll({ ids: [id(1)] } as never, { signal })).rejects.toBeInstanceOf(FaxValidationError);
    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: [...ids(0, 150), "x".repeat(33)], is_read: true }, { signal });
    expect(api.sent).toHaveLength(0);
    expect(results[150]?.error).toBeInstanceOf(FaxValidationError);
    expect(results.slice(0, 150).every((r) => r.error instanceof AbortError)).toBe(true);
    expect(summary).toMatchObject({ requests: 0, succeeded: 0, failed: 151, byCode: { error: 150, invalid: 1 }, aborted: true });
  });
});

describe("faxes.bulkUpdateAll: no credentials in the results", () => {
  it("never puts the token into JSON.stringify(result) or util.inspect, whatever errors the items carry", async () => {
    const controller = new AbortController();
    const api = fakeApi((sent, request) => {
      const first = sent.body.ids[0];
      const auth = request.headers.get("authorization") ?? "";
      if (auth !== `Bearer ${TOKEN}`) throw new Error("the token is not in play"); // so the test means something
      // A gateway error page echoing the request's credentials.
      if (first === id(0)) return new Response(`<pre>upstream failed for ${auth}</pre>`, { status: 502 });
      // A network error whose message quotes the token.
      if (first === id(100)) return Promise.reject(new TypeError(`connect failed, token=${TOKEN}`));
      // A JSON error body with the token in it.
      if (first === id(200)) return Response.json({ error: "bad", description: `token ${TOKEN} rejected` }, { status: 400 });
      // Then the caller aborts while this chunk is in flight, with the token in the abort reason.
      controller.abort(new Error(`cancelled while using ${TOKEN}`));
      return hang(request);
    });
    const fax = client(api.fetch);
    const result = await fax.faxes.bulkUpdateAll(
      { ids: [...ids(0, 500), "t".repeat(33), 7 as unknown as string], is_read: true },
      { concurrency: 1, signal: controller.signal },
    );

    // The errors are really there (so this test can fail) …
    expect(result.summary).toMatchObject({ byCode: { error: 500, invalid: 2 }, aborted: true, requests: 4 });
    const names = [0, 100, 200, 300, 400, 500, 501].map((index) => result.results[index]?.error?.name);
    expect(names).toEqual([
      "ServerError",
      "ConnectionError",
      "BadRequestError",
      "AbortError",
      "AbortError",
      "FaxValidationError",
      "FaxValidationError",
    ]);
    expect(result.results[100]?.error).toBeInstanceOf(ConnectionError); // class kept when scrubbed
    expect(result.results[100]?.error?.message).toContain("token=[redacted]");
    // … and carry no credential: listed by index, so a failure shows where it leaked.
    const leaks = result.results.flatMap((item, index) => {
      const shown = [JSON.stringify(item), inspect(item, { depth: 10 })];
      return shown.some((text) => text.includes(TOKEN)) ? [index] : [];
    });
    expect(leaks).toEqual([]);
    expect(JSON.stringify(result).includes(TOKEN)).toBe(false);
  });
});
