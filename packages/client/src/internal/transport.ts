import type { AttemptContext, AttemptFailure } from "./attempt-errors.js";
import { type BodyGuard, guardBody } from "./guard-body.js";
import type { Logger } from "./logger.js";
import { redactUrl } from "./redact.js";

/** Methods RFC 9110 §9.2.2 defines as idempotent: a retry cannot do the work twice. */
const IDEMPOTENT = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"];

/** The server was busy, slow or briefly broken. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Far above any JSON answer of the API. */
export const DEFAULT_MAX_RESPONSE_BYTES = 33_554_432;

export const DEFAULT_DEADLINE_MS = 300_000;

/**
 * Set by the client on the requests it builds: the caller's own `AbortSignal`, or `null` when
 * the call has none, so the transport need not listen for an abort that cannot come. A request
 * without it is watched through its own `signal`.
 */
export const CALLER_SIGNAL: unique symbol = Symbol("faxkit.callerSignal");

/**
 * Retries of a method that is not idempotent (POST, PATCH): `true` as for any other method;
 * `"unprocessed"` only when the request was certainly not processed — a 429, or a connection
 * refused before anything was sent (`ECONNREFUSED`, which browsers do not report); `false` never.
 *
 * @example
 * ```ts
 * createTransport({ retryNonIdempotent: false }); // a POST is sent once, whatever happens
 * ```
 */
export type NonIdempotentRetries = boolean | "unprocessed";

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** The `fetch` each attempt goes through (default: the global one). */
  fetch?: typeof fetch;
  /** Timeout of each attempt, in ms (default 60,000). */
  timeoutMs?: number;
  /** Attempts after the first (default 2). */
  maxRetries?: number;
  /** When to retry methods that are not idempotent (POST, PATCH). Default: `"unprocessed"`. */
  retryNonIdempotent?: NonIdempotentRetries;
  /** First backoff delay, in ms (default 500); doubled on each retry, with jitter. */
  baseDelayMs?: number;
  /** Longest backoff delay, in ms (default 8,000). */
  maxDelayMs?: number;
  /** Longest wait a `Retry-After` header may ask for, in ms (default 60,000). */
  maxRetryAfterMs?: number;
  /** Called before each retry (for logs and metrics); the URL is already redacted. */
  onRetry?: (info: RetryInfo) => void;
  /** Source of the backoff jitter, in [0, 1) (default `Math.random`); fixed in tests. */
  random?: () => number;
  /** Where attempts (debug) and retries (info) are logged; URLs are redacted. */
  logger?: Logger;
  /** Credentials in play, scrubbed from every error the transport creates (a fetch error or abort reason may quote one). */
  secrets?: () => readonly string[];
  /** Longest a call may take in all — attempts, waits between them, reading the body — in ms (default 300,000; `Infinity` for none). */
  deadlineMs?: number;
  /** Largest response body accepted, in bytes (default 32 MiB; `Infinity` for none). */
  maxResponseBytes?: number;
  /** Added to fetch's `init` on every attempt; its `signal`, `redirect`, `body`, `method` and `headers` are ignored. */
  fetchOptions?: FetchOptions;
}

/**
 * What a caller may add to every fetch: a Node dispatcher or proxy agent, `cache`,
 * `credentials`, … Never the signal (the transport's timeouts own it) nor `redirect`
 * (always `"manual"`, so credentials never follow a redirect).
 *
 * @example
 * ```ts
 * createFaxPlusClient({ token, fetchOptions: { dispatcher: new ProxyAgent(proxyUrl) } }); // undici's
 * ```
 */
export type FetchOptions = Omit<RequestInit, "signal" | "redirect" | "body" | "method" | "headers"> & {
  /** Node's (undici's) dispatcher for the request, e.g. a `ProxyAgent`; browsers ignore it. */
  dispatcher?: unknown;
};

/**
 * What `onRetry` hears before each retry.
 *
 * @example
 * ```ts
 * createFaxPlusClient({ onRetry: (info) => info.status === 429 && metrics.count("rate_limited", info.retryAfter) });
 * ```
 */
export interface RetryInfo {
  /** The attempt that failed (1-based). */
  attempt: number;
  /** How long the transport waits before the retry, in ms. */
  delayMs: number;
  /** The request's HTTP method. */
  method: string;
  /** Redacted. */
  url: string;
  /** e.g. `status 429, Retry-After 2 s` or `ConnectionError`. */
  reason: string;
  /** The status that caused the retry, when there was an answer. */
  status?: number;
  /** `Retry-After` in seconds, when the answer had one. */
  retryAfter?: number;
}

/** What one call may change for itself (per-call options of the resource API). */
export interface TransportOverrides {
  /** The operation being called, for errors and logs. */
  operationId?: string;
  /** This call's {@link TransportOptions.timeoutMs}. */
  timeoutMs?: number;
  /** This call's {@link TransportOptions.maxRetries}. */
  maxRetries?: number;
  /** This call's {@link TransportOptions.retryNonIdempotent}. */
  retryNonIdempotent?: NonIdempotentRetries;
  /** This call's {@link TransportOptions.deadlineMs}. */
  deadlineMs?: number;
  /** A re-send after a token refresh shares the first send's deadline. */
  deadlineAt?: number;
  /** This call's {@link TransportOptions.maxResponseBytes}. */
  maxResponseBytes?: number;
  /** Called before each retry of this call, after the transport's own `onRetry`. */
  onRetry?: (info: RetryInfo) => void;
}

/** A `fetch` that also takes a call's overrides. */
export type Transport = (input: Request, overrides?: TransportOverrides) => Promise<Response>;

const NO_OVERRIDES: TransportOverrides = {};

/**
 * fetch's `init` for every attempt of a call: no redirects, and a signal made only when fetch
 * asks for it (a real fetch does; an in-memory one need not), one per attempt.
 */
class FetchInit {
  readonly redirect = "manual";
  controller: AbortController | undefined;
  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }
}
const drop = () => undefined;

/** The caller's `fetchOptions` without what the transport owns, or nothing to add. */
function extraInit(fetchOptions: FetchOptions | undefined): Record<string, unknown> | undefined {
  const extra: Record<string, unknown> = { ...fetchOptions };
  for (const owned of ["signal", "redirect", "body", "method", "headers"]) delete extra[owned];
  return Object.keys(extra).length > 0 ? extra : undefined;
}

/** A refused connection: nothing was sent (undici reports `ECONNREFUSED` as the cause of "fetch failed"). */
function refusedConnection(error: unknown): boolean {
  const { cause } = (error ?? {}) as { cause?: { code?: unknown } };
  return cause?.code === "ECONNREFUSED";
}

/**
 * A `fetch` for openapi-fetch, so raw and resource methods share it: per-attempt timeouts,
 * a deadline per call, retries with backoff and `Retry-After` (idempotent methods; POST only
 * when it was not processed, see {@link NonIdempotentRetries}), redirects refused, the body
 * watched for stalls and size. Out of retries on a status, the last response is returned.
 *
 * @example
 * ```ts
 * const client = createClient<paths>({ baseUrl, fetch: createTransport({ maxRetries: 3, timeoutMs: 10_000 }) });
 * ```
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const send = options.fetch ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init));
  const defaultTimeoutMs = options.timeoutMs ?? 60_000;
  const maxRetries = Math.max(0, options.maxRetries ?? 2);
  const log = options.logger;
  const extra = extraInit(options.fetchOptions);
  const newInit = extra ? () => Object.assign(new FetchInit(), extra) : () => new FetchInit();

  return async function transport(request: Request, overrides: TransportOverrides = NO_OVERRIDES): Promise<Response> {
    const method = request.method.toUpperCase();
    const timeoutMs = overrides.timeoutMs ?? defaultTimeoutMs;
    const deadlineMs = overrides.deadlineMs ?? options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const deadlineAt = overrides.deadlineAt ?? Date.now() + deadlineMs;
    const mode = IDEMPOTENT.includes(method) || (overrides.retryNonIdempotent ?? options.retryNonIdempotent ?? "unprocessed");
    const retries = !mode ? 0 : overrides.maxRetries === undefined ? maxRetries : Math.max(0, overrides.maxRetries);
    // A request the client built says whether the caller gave a signal; any other is watched through its own.
    const caller = CALLER_SIGNAL in request ? (request as { [CALLER_SIGNAL]?: AbortSignal | null })[CALLER_SIGNAL] : request.signal;
    const init = newInit();
    const context: BodyGuard = {
      method,
      url: request.url,
      secrets: options.secrets?.(),
      operationId: overrides.operationId,
      timeoutMs,
      deadlineMs,
      deadlineAt,
      maxBytes: overrides.maxResponseBytes ?? options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      signal: caller ?? undefined,
      abort: () => init.controller?.abort(),
    };

    for (let attempt = 1; ; attempt++) {
      if (request.signal.aborted) throw await attemptError("abort", context, request.signal.reason);
      const limit = Math.min(timeoutMs, deadlineAt - Date.now());
      if (limit <= 0) throw await attemptError("deadline", context);
      // The last allowed attempt sends the original, so a body that cannot be retried is never
      // held twice; a request without a body is sent as it is every time.
      init.controller = undefined;
      let outgoing = attempt > retries || request.body === null ? request : request.clone();
      // A redirect to another host would get the credentials and the body.
      if (outgoing.redirect !== "manual") outgoing = new Request(outgoing, init);
      let response: Response | undefined;
      let failure: Error | undefined;
      let refused = false;
      let interruptedBy: AttemptFailure | undefined;
      const started = log && Date.now();
      log?.debug(`→ ${method} ${redactUrl(context.url)}`, { attempt });
      let sending: Promise<Response>;
      try {
        sending = Promise.resolve(send(outgoing, init));
      } catch (error) {
        sending = Promise.reject(error); // a fetch that throws at once fails the attempt like one that rejects
      }
      let interrupt: (kind: AttemptFailure) => void = drop;
      const answered = new Promise<Response>((resolve, reject) => {
        sending.then(resolve, reject);
        interrupt = (kind) => {
          interruptedBy = kind;
          init.controller?.abort();
          reject(kind);
          // Whatever fetch still brings is dropped, its body cancelled to free the connection.
          sending.then((late) => late.body?.cancel().catch(drop), drop);
        };
      });
      const timer = setTimeout(interrupt, limit, limit < timeoutMs ? "deadline" : "timeout");
      const onAbort = () => interrupt("abort");
      caller?.addEventListener("abort", onAbort);
      try {
        response = await answered;
      } catch (error) {
        if (caller?.aborted || request.signal.aborted) throw await attemptError("abort", context, (caller ?? request.signal).reason);
        refused = !interruptedBy && refusedConnection(error);
        failure = await attemptError(interruptedBy ?? "connect", context, interruptedBy ? undefined : error);
      } finally {
        clearTimeout(timer);
        caller?.removeEventListener("abort", onAbort);
      }

      const status = response?.status as number;
      log?.debug(`← ${method} ${redactUrl(context.url)} ${failure ? failure.name : status} in ${Date.now() - (started as number)} ms`, {
        attempt,
      });
      const retry =
        attempt <= retries &&
        (mode === true ? failure !== undefined || RETRYABLE_STATUSES.has(status) : status === 429 || refused) &&
        (await (
          await import("./retry-wait.js")
        ).waitToRetry(options, { ...context, attempt, retries, response, failure, onRetry: overrides.onRetry }));
      if (retry) continue;
      if (failure) throw failure;
      const answer = response as Response;
      // Status 0: a browser's opaque redirect.
      if (status < 200 || (status > 299 && status < 400) || Number(answer.headers.get("content-length")) > (context.maxBytes as number)) {
        context.abort();
        answer.body?.cancel().catch(drop);
        throw await attemptError("refused", context, undefined, answer);
      }
      return guardBody(answer, context);
    }
  };
}

/** Loaded with the first failure: the happy path never downloads the messages. */
async function attemptError(kind: AttemptFailure, context: AttemptContext, cause?: unknown, response?: Response) {
  return (await import("./attempt-errors.js")).attemptError(kind, context, cause, response);
}
