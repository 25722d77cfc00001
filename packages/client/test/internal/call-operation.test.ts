import { type OperationMeta, operationCalls, operationIds, operations } from "@faxkit/types";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createFaxPlusClient,
  type FaxPlusClientOptions,
  FaxPlusError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  TimeoutError,
} from "../../src/index.js";
import { type CalledOperation, calledOperation, type SplitArguments } from "../../src/internal/call-operation.js";
import { splitArguments } from "../../src/internal/split-arguments.js";

const BASE_URL = "https://api.test/v3";
const TOKEN = "pat_Sup3rS3cretT0ken_0123456789";

/** A fetch that answers from `reply`, recording what it was sent (method, URL, headers, body text). */
function recorder(reply: (request: Request, attempt: number) => Response | Promise<Response> = () => Response.json({ ok: true })) {
  const sent: { method: string; url: string; headers: Headers; body: string }[] = [];
  const fetch = (async (request: Request) => {
    sent.push({ method: request.method, url: request.url, headers: request.headers, body: await request.text() });
    return reply(request, sent.length);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

/** A constructed response with the `url` a real fetch would give it. */
function fromRealFetch(request: Request, response: Response): Response {
  Object.defineProperty(response, "url", { value: request.url });
  return response;
}

const client = (fetch: typeof globalThis.fetch, options: FaxPlusClientOptions = {}) =>
  createFaxPlusClient({ fetch, token: TOKEN, baseUrl: BASE_URL, ...options });

/** A fetch that never answers until its attempt is aborted (by a timeout or the caller). */
const hanging = (async (request: Request) =>
  new Promise<Response>((_, reject) =>
    request.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
  )) as typeof globalThis.fetch;

// Only the sections a call has: openapi-fetch takes a missing `query` or `header` as empty.
const empty = { path: {} };
/** An operation with a header parameter: the Fax.Plus spec has none. */
const withHeader: OperationMeta = {
  ...operations.listFaxes,
  operationId: "listFaxesTraced",
  headerParams: ["x-trace-id"],
};

describe("splitArguments", () => {
  it.each<[string, OperationMeta, unknown, SplitArguments]>([
    [
      "path parameter, user_id defaulted",
      operations.getFax,
      { fax_id: "f1" },
      { params: { ...empty, path: { user_id: "self", fax_id: "f1" } }, body: undefined },
    ],
    [
      "user_id given overrides the default",
      operations.getFax,
      { fax_id: "f1", user_id: "u9" },
      { params: { ...empty, path: { user_id: "u9", fax_id: "f1" } }, body: undefined },
    ],
    [
      "query parameters",
      operations.listFaxes,
      { category: "inbox", limit: 5 },
      { params: { ...empty, path: { user_id: "self" }, query: { category: "inbox", limit: 5 } }, body: undefined },
    ],
    [
      "header parameters",
      withHeader,
      { "x-trace-id": "t1", limit: 1 },
      { params: { path: { user_id: "self" }, query: { limit: 1 }, header: { "x-trace-id": "t1" } }, body: undefined },
    ],
    [
      "body fields beside a path parameter",
      operations.updateFax,
      { fax_id: "f1", is_read: true, comment: "done" },
      { params: { ...empty, path: { user_id: "self", fax_id: "f1" } }, body: { is_read: true, comment: "done" } },
    ],
    [
      "a body that is a list field",
      operations.bulkUpdateFaxes,
      { ids: ["a", "b"], is_read: false },
      { params: { ...empty, path: { user_id: "self" } }, body: { ids: ["a", "b"], is_read: false } },
    ],
    ["no path parameters at all (getAccounts, no argument)", operations.getAccounts, undefined, { params: empty, body: undefined }],
    [
      "a path parameter other than user_id, without user_id",
      operations.deleteWebhook,
      { hook_id: "h1" },
      { params: { ...empty, path: { hook_id: "h1" } }, body: undefined },
    ],
    [
      "undefined values are dropped (query, body, and user_id falls back to the default)",
      operations.updateFax,
      { fax_id: "f1", user_id: undefined, comment: undefined, is_read: false },
      { params: { ...empty, path: { user_id: "self", fax_id: "f1" } }, body: { is_read: false } },
    ],
    [
      "undefined query values are dropped",
      operations.listFaxes,
      { category: undefined, limit: 5 },
      { params: { ...empty, path: { user_id: "self" }, query: { limit: 5 } }, body: undefined },
    ],
    // A required JSON body is always sent, `{}` when no field is given: the API answers with its
    // own validation error instead of a missing-body one.
    [
      "a required body with no fields is sent as {}",
      operations.updateFax,
      { fax_id: "f1" },
      { params: { ...empty, path: { user_id: "self", fax_id: "f1" } }, body: {} },
    ],
    ["a required body with no argument at all is sent as {}", operations.inviteMembers, undefined, { params: empty, body: {} }],
    [
      "an optional body with no fields is not sent",
      operations.updateUser,
      {},
      { params: { ...empty, path: { user_id: "self" } }, body: undefined },
    ],
    [
      "a multipart operation takes its parameters only, never a JSON body",
      operations.uploadFile,
      { format: "pdf" },
      { params: { ...empty, path: { user_id: "self" }, query: { format: "pdf" } }, body: undefined },
    ],
  ])("%s", async (_name, op, args, expected) => {
    expect(await splitArguments(op, args, "self")).toEqual(expected);
  });

  it("takes path parameters from the call record and never from the path template", async () => {
    // A record whose list and template disagree (the generator refuses such a spec): only the list counts.
    const op: CalledOperation = { ...calledOperation("getFax"), pathParams: ["fax_id"] };
    expect(await splitArguments(op, { fax_id: "f1" }, "self")).toEqual({ params: { ...empty, path: { fax_id: "f1" } }, body: undefined });
    await expect(splitArguments(op, { fax_id: "f1", user_id: "u9" }, "self")).rejects.toThrow(
      'getFax: unknown argument "user_id"; it takes fax_id',
    );
  });

  it("a path parameter named like an Object.prototype member and left out is missing, never the inherited method", async () => {
    // A spec may name a parameter anything: `toString` must not be read from Object.prototype into the URL.
    const op: CalledOperation = { ...calledOperation("deleteWebhook"), pathParams: ["toString"], path: "/hooks/{toString}" };
    await expect(splitArguments(op, {}, "self")).rejects.toThrow('deleteWebhook: missing required argument "toString"');
    expect((await splitArguments(op, { toString: "h1" }, "self")).params.path).toEqual({ toString: "h1" });
  });

  it("uses the given default user_id", async () => {
    expect((await splitArguments(operations.listFaxes, {}, "member-42")).params.path).toEqual({ user_id: "member-42" });
  });

  it.each<[string, OperationMeta, unknown, string]>([
    [
      "a missing path parameter",
      operations.getFax,
      {},
      'getFax: missing required argument "fax_id" (a path parameter of GET /accounts/{user_id}/faxes/{fax_id})',
    ],
    [
      "an empty path parameter",
      operations.getFax,
      { fax_id: "" },
      'getFax: missing required argument "fax_id" (a path parameter of GET /accounts/{user_id}/faxes/{fax_id})',
    ],
    [
      "a null path parameter",
      operations.deleteWebhook,
      { hook_id: null },
      'deleteWebhook: missing required argument "hook_id" (a path parameter of DELETE /hooks/{hook_id})',
    ],
    [
      "no argument where a path parameter is needed",
      operations.getNumber,
      undefined,
      'getNumber: missing required argument "number" (a path parameter of GET /accounts/{user_id}/numbers/{number})',
    ],
    [
      "an empty user_id (not replaced by the default)",
      operations.getFax,
      { fax_id: "f1", user_id: "" },
      'getFax: missing required argument "user_id" (a path parameter of GET /accounts/{user_id}/faxes/{fax_id})',
    ],
    [
      "an unknown key on a body-less operation",
      operations.getFax,
      { fax_id: "f1", faxId: "f1" },
      'getFax: unknown argument "faxId"; it takes user_id, fax_id',
    ],
    [
      "an unknown key on a body-less operation with query parameters",
      operations.listFaxes,
      { categroy: "inbox" },
      'listFaxes: unknown argument "categroy"; it takes user_id, category, after, before, limit',
    ],
    [
      "any key on an operation that takes nothing",
      operations.getAccounts,
      { limit: 5 },
      'getAccounts: unknown argument "limit"; it takes no arguments',
    ],
    [
      "a file field on the multipart operation",
      operations.uploadFile,
      { file: "x" },
      'uploadFile: unknown argument "file"; it takes user_id, format',
    ],
  ])("rejects with a TypeError for %s", async (_name, op, args, message) => {
    await expect(splitArguments(op, args, "self")).rejects.toThrow(new TypeError(message));
  });

  it("quotes and cuts an unknown argument's name, so a hostile key cannot forge lines in the message", async () => {
    const key = `x\n${"y".repeat(100)}`;
    const error = await splitArguments(operations.getFax, { fax_id: "f1", [key]: 1 }, "self").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toContain(`unknown argument "x\\n${"y".repeat(38)}…"`);
    expect((error as TypeError).message).not.toContain("\n");
  });

  it.each([
    [null, "null"],
    ["f1", '"f1"'],
    [42, "42"],
    [true, "true"],
    [["f1"], "an array"],
  ])("rejects with a TypeError for the non-object argument %j", async (args, got) => {
    await expect(splitArguments(operations.getFax, args, "self")).rejects.toThrow(
      new TypeError(`getFax: the argument must be an object of parameters and body fields (got ${got})`),
    );
  });
});

describe("callOperation (through the resource API)", () => {
  it("sends method, URL, token and JSON body, and resolves to the parsed JSON", async () => {
    const { fetch, sent } = recorder(() => Response.json({ results: [{ id: "a", status: 204 }] }));
    const data = await client(fetch).faxes.bulkUpdate({ ids: ["a"], is_read: true });
    expect(data).toEqual({ results: [{ id: "a", status: 204 }] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: "PUT", url: `${BASE_URL}/accounts/self/faxes`, body: '{"ids":["a"],"is_read":true}' });
    expect(sent[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(sent[0]?.headers.get("content-type")).toBe("application/json");
  });

  it("an argument named __proto__ (from parsed JSON) is sent as data, never taken as the body's prototype", async () => {
    const { fetch, sent } = recorder(() => Response.json({ results: [] }));
    const args = JSON.parse('{"ids":["a"],"__proto__":{"is_read":true}}');
    await client(fetch).faxes.bulkUpdate(args);
    expect(JSON.parse(sent[0]?.body ?? "")).toEqual(JSON.parse('{"ids":["a"],"__proto__":{"is_read":true}}'));
    expect(sent[0]?.body).toContain('"__proto__"');
  });

  it("the resource groups are plain own keys: no group or method is inherited from Object.prototype", () => {
    const fax = client(recorder().fetch) as unknown as Record<string, Record<string, unknown>>;
    expect(fax.accounts?.toString).toBeUndefined();
    expect(Object.hasOwn(fax.accounts ?? {}, "get")).toBe(true);
  });

  it("serialises query parameters and sends no body on a GET", async () => {
    const { fetch, sent } = recorder(() => Response.json({ data: { records: [] } }));
    await client(fetch).faxes.list({ category: "inbox", limit: 5 });
    expect(sent[0]).toMatchObject({ method: "GET", url: `${BASE_URL}/accounts/self/faxes?category=inbox&limit=5`, body: "" });
    expect(sent[0]?.headers.get("content-type")).toBeNull();
  });

  it.each([
    ["204 No Content", () => new Response(null, { status: 204 })],
    ["200 with an empty body", () => new Response("", { status: 200 })],
    ["200 with only whitespace", () => new Response(" \n", { status: 200 })],
  ])("resolves to undefined on %s", async (_name, reply) => {
    const { fetch } = recorder(reply);
    await expect(client(fetch).faxes.delete({ fax_id: "f1" })).resolves.toBeUndefined();
  });

  it("rejects an invalid argument before sending anything", async () => {
    const { fetch, sent } = recorder();
    const faxes = client(fetch).faxes;
    // @ts-expect-error fax_id is required
    const error = await faxes.get({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toMatch(/^getFax: missing required argument "fax_id"/);
    expect(sent).toHaveLength(0);
  });

  describe("error statuses", () => {
    it.each([
      [400, BadRequestError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [409, ConflictError],
      [429, RateLimitError],
      [500, ServerError],
      [502, ServerError],
      [422, FaxPlusError],
    ])("%i → exactly %O, with the operation it came from", async (status, ErrorClass) => {
      const { fetch, sent } = recorder(() => Response.json({ error: "some_code", description: "Something went wrong" }, { status }));
      const error = await client(fetch, { maxRetries: 0 })
        .faxes.get({ fax_id: "f1" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(Object.getPrototypeOf(error)).toBe(ErrorClass.prototype);
      expect(error).toMatchObject({
        name: ErrorClass.name,
        status,
        operationId: "getFax",
        method: "GET",
        url: `${BASE_URL}/accounts/self/faxes/f1`,
        code: "some_code",
        description: "Something went wrong",
      });
      expect((error as Error).message).toBe(
        `GET ${BASE_URL}/accounts/self/faxes/f1 (getFax) failed with ${status} some_code: Something went wrong`,
      );
      expect(sent).toHaveLength(1);
    });

    it("gives a 429 its Retry-After", async () => {
      const { fetch } = recorder(() => new Response("", { status: 429, headers: { "retry-after": "7" } }));
      const error = await client(fetch, { maxRetries: 0 })
        .accounts.list()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ retryAfter: 7, operationId: "getAccounts" });
    });
  });

  it("turns a 200 whose body is not JSON into a ResponseParseError carrying the raw body", async () => {
    const html = "<html><body>Gateway says hi</body></html>";
    // A real fetch's response knows its URL; a constructed one has "" (see fromRealFetch).
    const { fetch } = recorder((request) =>
      fromRealFetch(request, new Response(html, { status: 200, headers: { "content-type": "text/html" } })),
    );
    const error = await client(fetch)
      .faxes.get({ fax_id: "f1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({
      status: 200,
      operationId: "getFax",
      method: "GET",
      url: `${BASE_URL}/accounts/self/faxes/f1`,
      rawBody: html,
    });
    expect((error as Error).message).toBe(
      `GET ${BASE_URL}/accounts/self/faxes/f1 (getFax) answered 200 with a body that is not valid JSON`,
    );
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it("turns a network failure into a ConnectionError", async () => {
    const fetch = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof globalThis.fetch;
    const error = await client(fetch, { maxRetries: 0 })
      .faxes.get({ fax_id: "f1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it("turns a body cut off mid-way into a ConnectionError", async () => {
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id":'));
        controller.error(new TypeError("terminated"));
      },
    });
    const { fetch } = recorder(() => new Response(cut, { status: 200 }));
    const error = await client(fetch, { maxRetries: 0 })
      .faxes.get({ fax_id: "f1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/the connection broke while reading the response/);
  });

  describe("per-call options", () => {
    it("`timeout` overrides the client's: a hanging server is a TimeoutError after that many ms", async () => {
      const started = Date.now();
      const error = await client(hanging, { maxRetries: 0 })
        .faxes.get({ fax_id: "f1" }, { timeout: 50 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).timeoutMs).toBe(50);
      expect(Date.now() - started).toBeLessThan(5_000); // the client's default is 60 s
    });

    it("`signal` cancels the call with an AbortError", async () => {
      const controller = new AbortController();
      const call = client(hanging).faxes.get({ fax_id: "f1" }, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error("user left")), 10);
      await expect(call).rejects.toBeInstanceOf(AbortError);
    });

    const sendArgs = { from: "+12345678901", to: ["+12345678902"], files: ["/storage/a.pdf"] };
    /** 503 once (Retry-After: 0, so no backoff wait), then 201. */
    const busyOnce = () =>
      recorder((_request, attempt) =>
        attempt === 1
          ? new Response("busy", { status: 503, headers: { "retry-after": "0" } })
          : Response.json({ ids: { x: "o1" } }, { status: 201 }),
      );

    it("a POST is not retried on 503 by default, so it is sent once", async () => {
      const { fetch, sent } = busyOnce();
      const error = await client(fetch)
        .outbox.send(sendArgs)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ status: 503, operationId: "sendFax" });
      expect(sent).toHaveLength(1);
    });

    it("`retry: true` makes the POST retry on 503, sending the same body again", async () => {
      const { fetch, sent } = busyOnce();
      await expect(client(fetch).outbox.send(sendArgs, { retry: true })).resolves.toEqual({ ids: { x: "o1" } });
      expect(sent).toHaveLength(2);
      expect(sent[1]?.body).toBe(sent[0]?.body);
      expect(JSON.parse(sent[1]?.body ?? "")).toEqual(sendArgs);
    });

    it.each([
      ["the client's default (2 retries)", undefined, 3],
      ["maxRetries: 0", 0, 1],
      ["maxRetries: 4", 4, 5],
    ])("retries a GET on 503 per %s", async (_name, maxRetries, attempts) => {
      const { fetch, sent } = recorder(() => new Response("busy", { status: 503, headers: { "retry-after": "0" } }));
      const error = await client(fetch)
        .faxes.get({ fax_id: "f1" }, maxRetries === undefined ? undefined : { maxRetries })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect(sent).toHaveLength(attempts);
    });

    it("`headers` are added to the request, but cannot replace the credentials", async () => {
      const { fetch, sent } = recorder();
      await client(fetch).faxes.get({ fax_id: "f1" }, { headers: { "x-request-id": "req-1", authorization: "Bearer not-mine" } });
      expect(sent[0]?.headers.get("x-request-id")).toBe("req-1");
      expect(sent[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    });
  });

  describe("the token never leaks into an error", () => {
    it.each([
      ["a 401 echoing it", () => Response.json({ error: "invalid_token", description: `token ${TOKEN} is not valid` }, { status: 401 })],
      ["a 500 HTML page echoing it", () => new Response(`<pre>Authorization: Bearer ${TOKEN}</pre>`, { status: 500 })],
      ["a 400 echoing it in a header", () => Response.json({ error: "bad" }, { status: 400, headers: { "x-debug": `Bearer ${TOKEN}` } })],
      ["a 200 that is not JSON, echoing it", () => new Response(`oops ${TOKEN}`, { status: 200 })],
    ])("%s", async (_name, reply) => {
      const { fetch } = recorder(reply);
      const error = await client(fetch, { maxRetries: 0 })
        .faxes.get({ fax_id: "f1" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FaxPlusError);
      expect((error as Error).message).not.toContain(TOKEN);
      expect(JSON.stringify(error)).not.toContain(TOKEN);
      expect(JSON.stringify(error)).toContain("[redacted]");
    });

    it("a timeout", async () => {
      const error = await client(hanging, { maxRetries: 0 })
        .faxes.get({ fax_id: "f1" }, { timeout: 20 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as Error).message).not.toContain(TOKEN);
      expect(JSON.stringify(error)).not.toContain(TOKEN);
    });
  });
});

describe("calledOperation", () => {
  it.each(operationIds)("%s: the call table's record as it is, with its operationId and its default overrides", (operationId) => {
    const { overrides, ...record } = calledOperation(operationId);
    expect(record).toStrictEqual({ operationId, ...operationCalls[operationId] });
    expect(overrides).toMatchObject({ operationId, maxRetries: undefined, timeoutMs: undefined });
    // The same lists as the full operation table: one model, nothing re-derived on the way.
    const { pathParams, queryParams, headerParams, requestContentType, requestBodyRequired } = operations[operationId];
    expect(calledOperation(operationId)).toMatchObject({ pathParams, queryParams, headerParams, requestContentType, requestBodyRequired });
  });
});
