import { operations } from "@faxkit/types";
import { validateRequest } from "@faxkit/validator";
import { quoteRequestText } from "../../internal/quote-request-text.js";
import type { FailNextOptions, FakeEngine, FakeHandlerResult, FakeRequest, FakeResponse, LoggedRequest } from "../fake-types.js";
import { AnswerError } from "./answer-error.js";
import { errorAnswer, errorCodeFor, jsonAnswer } from "./answers.js";
import { createFakeClock } from "./clock.js";
import { DEFAULT_DELIVERY_DELAY_MS } from "./delivery.js";
import { describeIssues } from "./describe-issues.js";
import { FaultPlan } from "./fault-plan.js";
import { fixtures } from "./fixtures.js";
import { handlers } from "./handlers/index.js";
import type { EngineContext } from "./operation-context.js";
import { type RoutedRequest, readRequest } from "./read-request.js";
import { RequestLog } from "./request-log.js";
import { applySeed, type FakeSeed } from "./seed.js";
import { FakeState } from "./state.js";
import { createWebhookNotifier } from "./webhook-notifier.js";

/** Options of {@link createFakeEngine}. */
export interface FakeEngineOptions {
  /** Path every operation's path is under (default `/v3`, as in production). */
  basePath?: string;
  /** Fake ms from `sendFax` to the sent fax record (default 3,000); `clock.advance()` moves through it at once. */
  deliveryDelayMs?: number;
  /** Records the account starts with, and comes back to on `reset()`. */
  seed?: FakeSeed;
  /** The fetch webhook POSTs go through (default: the global one); for tests. */
  webhookFetch?: typeof fetch;
}

/** Query parameters the spec types as integers; a query string carries text, so these are read as numbers. */
const INTEGER_QUERY_PARAMS = new Set(["limit"]);
const BEARER = /^bearer\s+\S/i;

/**
 * The stateful, in-memory Fax.Plus behind `startFake()` and the MSW handlers: an account with
 * members, numbers, faxes (inbox, sent, spam), an outbox, uploads and webhooks, on a fake
 * clock. Every request is routed by the spec's operation table, checked like the API checks
 * it (401 without a token, 400 with every violation), and answered from the state; sent faxes
 * move through the outbox to a sent fax record with the same id.
 *
 * @example
 * ```ts
 * const engine = createFakeEngine({ deliveryDelayMs: 1_000 });
 * const answer = await engine.answer({ method: "GET", path: "/v3/accounts/self", query: "", headers: { authorization: "Bearer t" }, body: new Uint8Array() });
 * await engine.clock.advance(1_000); // every fax sent before now is in the sent folder
 * await engine.close();
 * ```
 */
export function createFakeEngine(options: FakeEngineOptions = {}): FakeEngine {
  const basePath = normalisedBasePath(options.basePath ?? "/v3");
  const deliveryDelayMs = options.deliveryDelayMs ?? DEFAULT_DELIVERY_DELAY_MS;
  if (typeof deliveryDelayMs !== "number" || !Number.isFinite(deliveryDelayMs) || deliveryDelayMs < 0)
    throw new RangeError(`createFakeEngine: deliveryDelayMs must be a finite number of ms ≥ 0 (got ${String(deliveryDelayMs)})`);

  const clock = createFakeClock();
  const faults = new FaultPlan();
  const log = new RequestLog();
  const initialState = (): FakeState => {
    const fresh = new FakeState(fixtures.account());
    if (options.seed) applySeed(fresh, options.seed);
    return fresh;
  };
  let state = initialState();
  const notifier = createWebhookNotifier({ state: () => state, now: () => clock.now(), fetch: options.webhookFetch });
  const ctx: EngineContext = {
    get state() {
      return state;
    },
    clock,
    deliveryDelayMs,
    notify: (event, fax) => notifier.notify(event, fax),
  };

  async function respond(request: FakeRequest, logged: LoggedRequest): Promise<FakeResponse> {
    const read = readRequest(request, basePath);
    if (!read.ok) {
      Object.assign(logged, { path: read.path, query: read.query });
      return read.answer;
    }
    const routed = read.request;
    Object.assign(logged, {
      operationId: routed.operationId,
      path: routed.path,
      params: routed.params,
      query: routed.query,
      body: routed.loggedBody,
    });
    if (!BEARER.test(request.headers.authorization ?? ""))
      return errorAnswer(401, "The access token provided is expired, revoked, malformed, or invalid for other reasons.");
    if (faults.takeReset(routed.operationId)) return { status: 0, headers: {}, body: undefined, fault: "reset" };
    const failure = faults.takeFailure(routed.operationId);
    if (failure) return injected(failure);
    if (routed.bodyError !== undefined) return errorAnswer(400, routed.bodyError);
    const invalid = validationAnswer(routed);
    if (invalid) return invalid;
    const script = faults.scripts.get(routed.operationId);
    if (script) return scripted(await script({ ...logged }));
    return run(routed, request);
  }

  async function run(routed: RoutedRequest, request: FakeRequest): Promise<FakeResponse> {
    const handler = handlers[routed.operationId];
    if (handler === undefined)
      return errorAnswer(
        501,
        `the fake does not implement ${quoteRequestText(routed.operationId)} yet (new in the spec); script it with handle()`,
      );
    try {
      return await handler(
        {
          operationId: routed.operationId,
          params: routed.params,
          query: typedQuery(routed.query),
          body: routed.body,
          parts: routed.parts,
          headers: request.headers,
        },
        ctx,
      );
    } catch (error) {
      if (error instanceof AnswerError) return error.answer;
      throw error;
    }
  }

  return {
    clock,
    async answer(request) {
      const logged: LoggedRequest = {
        operationId: undefined,
        method: request.method,
        path: request.path,
        params: {},
        query: {},
        body: undefined,
        status: 0,
        at: clock.now(),
      };
      let response: FakeResponse;
      try {
        response = await respond(request, logged);
      } catch (error) {
        response = errorAnswer(
          500,
          `the fake failed while answering: ${quoteRequestText(error instanceof Error ? error.message : String(error), 300)}`,
        );
      }
      logged.status = response.status;
      log.push(logged);
      const delayMs = faults.delayFor(logged.operationId);
      return delayMs > 0 ? { ...response, delayMs } : response;
    },
    seed(data) {
      for (const entry of applySeed(state, data)) void notifier.notify("fax_received", entry.fax);
    },
    failNext: (failure) => faults.failNext(failure),
    latency: (ms, operationId) => faults.latency(ms, operationId),
    resetNext: (operationId) => faults.resetNext(operationId),
    handle(operationId, handler) {
      if (!Object.hasOwn(handlers, operationId))
        throw new TypeError(`handle: ${JSON.stringify(operationId)} is not an operation of the spec`);
      if (handler === undefined) faults.scripts.delete(operationId);
      else if (typeof handler === "function") faults.scripts.set(operationId, handler);
      else throw new TypeError("handle: the handler must be a function or undefined");
    },
    get requests() {
      return log.snapshot();
    },
    reset() {
      faults.clear();
      log.clear();
      clock.reset();
      state = initialState();
    },
    async close() {
      clock.close();
      await notifier.settled();
    },
  };
}

function normalisedBasePath(basePath: string): string {
  if (typeof basePath !== "string" || (basePath !== "" && !basePath.startsWith("/")))
    throw new TypeError(`createFakeEngine: basePath must be a path starting with "/" (got ${JSON.stringify(basePath)})`);
  return basePath.replace(/\/+$/, "");
}

/** The query as the validator checks it and handlers read it: integer parameters as numbers when they are digits. */
function typedQuery(query: Record<string, string | string[]>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    const number = INTEGER_QUERY_PARAMS.has(name) && typeof value === "string" && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
    Object.defineProperty(typed, name, { value: number, enumerable: true, writable: true, configurable: true });
  }
  return typed;
}

function validationAnswer(routed: RoutedRequest): FakeResponse | undefined {
  const result = validateRequest(routed.operationId, {
    params: { path: routed.params, query: typedQuery(routed.query) },
    body: routed.body,
  });
  if (result.ok) return undefined;
  // The validator reports a request without any query as "/params: must have required property 'query'"; name the parameters instead.
  const op = operations[routed.operationId];
  const missing = op.queryParams.filter(
    (name) => (op.requiredParams as readonly string[]).includes(name) && !Object.hasOwn(routed.query, name),
  );
  const named = missing.map((name) => ({ message: `/params/query/${name}: is required (a query parameter of ${op.operationId})` }));
  const rest =
    missing.length > 0 ? result.issues.filter((issue) => issue.path !== "/params" || issue.keyword !== "required") : result.issues;
  return errorAnswer(400, describeIssues([...named, ...rest]));
}

function injected(failure: FailNextOptions): FakeResponse {
  const headers: Record<string, string> = failure.retryAfter === undefined ? {} : { "retry-after": String(Math.ceil(failure.retryAfter)) };
  if (failure.body === undefined)
    return errorAnswer(failure.status, `failure injected by failNext (status ${failure.status})`, errorCodeFor(failure.status), headers);
  return bodyAnswer(failure.status, failure.body, headers);
}

function bodyAnswer(status: number, body: unknown, headers: Record<string, string>): FakeResponse {
  if (body instanceof Uint8Array) return { status, headers: { "content-type": "application/octet-stream", ...headers }, body };
  return jsonAnswer(status, body, headers);
}

/** A scripted handler's result as an answer; a status outside 100–599 is the script's bug, answered 500. */
function scripted(result: FakeHandlerResult): FakeResponse {
  if (result === null || typeof result !== "object" || !Number.isInteger(result.status) || result.status < 100 || result.status > 599)
    throw new TypeError("a handle() script must return { status: 100..599, body?, headers? }");
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  if (result.body === undefined) return { status: result.status, headers, body: undefined };
  return bodyAnswer(result.status, result.body, headers);
}

export type { FakeSeed };
