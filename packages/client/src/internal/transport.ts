import type { AttemptContext, AttemptFailure } from "./attempt-errors.js";
import { guardBody } from "./guard-body.js";
import type { Logger } from "./logger.js";
import { redactUrl } from "./redact.js";

/** Methods RFC 9110 §9.2.2 defines as idempotent: a retry cannot do the work twice. */
const IDEMPOTENT = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"];

/** Statuses worth another attempt: the server was busy, slow or briefly broken. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Default `maxResponseBytes`: 32 MiB, far above any JSON answer of the API. */
export const DEFAULT_MAX_RESPONSE_BYTES = 33_554_432;

/** Default `deadline` of a call: 5 minutes, retries, waits and reading the body included. */
export const DEFAULT_DEADLINE_MS = 300_000;

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** The fetch that really sends (default: the global one). */
  fetch?: typeof fetch;
  /** Timeout of each attempt, in ms (default 60,000). */
  timeoutMs?: number;
  /** Attempts after the first (default 2). */
  maxRetries?: number;
  /** Also retry methods that are not idempotent (POST, PATCH). Default: false. */
  retryNonIdempotent?: boolean;
  /** First backoff delay, in ms (default 500); doubled on each retry, with jitter. */
  baseDelayMs?: number;
  /** Longest backoff delay, in ms (default 8,000). */
  maxDelayMs?: number;
  /** Longest wait a `Retry-After` header may ask for, in ms (default 60,000). */
  maxRetryAfterMs?: number;
  /** Called before each retry (for logs and metrics); the URL is already redacted. */
  onRetry?: (info: { attempt: number; delayMs: number; method: string; url: string; reason: string }) => void;
  /** Source of randomness for jitter (tests pass a fixed one). */
  random?: () => number;
  /** Where attempts (debug) and retries (info) are logged; URLs are redacted. */
  logger?: Logger;
  /** Credentials in play, scrubbed from every error the transport creates (a fetch error or abort reason may quote one). */
  secrets?: () => readonly string[];
  /** Longest a call may take in all — attempts, waits between them, reading the body — in ms (default 300,000; `Infinity` for none). */
  deadlineMs?: number;
  /** Largest response body accepted, in bytes (default 32 MiB; `Infinity` for none). */
  maxResponseBytes?: number;
}

/** What one call may change for itself (per-call options of the resource API). */
export interface TransportOverrides {
  /** Operation being called, recorded on the errors the transport creates. */
  operationId?: string;
  timeoutMs?: number;
  maxRetries?: number;
  retryNonIdempotent?: boolean;
  deadlineMs?: number;
  /** When the deadline passes (epoch ms), if the call started before the transport saw it (a re-send after a token refresh). */
  deadlineAt?: number;
  maxResponseBytes?: number;
}

/** A `fetch` that retries, times out each attempt and honours the caller's AbortSignal. */
export type Transport = (input: Request, overrides?: TransportOverrides) => Promise<Response>;

/**
 * The transport beneath openapi-fetch (passed as its `fetch`), so the raw methods and the
 * resource API both get it. Each attempt runs on a fresh copy of the request with its own
 * timeout; connection errors, timeouts and the statuses in {@link RETRYABLE_STATUSES} are
 * retried with exponential backoff and jitter, honouring `Retry-After` (capped) — but
 * only for idempotent methods unless `retryNonIdempotent` is set, so a POST is never sent
 * twice by accident. The caller's AbortSignal cancels at once and is never retried. When
 * retries run out on a status, that last response is returned (openapi-fetch turns it
 * into `error`); when they run out on a network failure, the typed error is thrown.
 * The body of the response is watched too: a read that waits longer than the timeout for
 * data errors with `TimeoutError` (see `guardBody`). A call never outlives its deadline
 * (`deadlineMs`, default 5 minutes): each attempt gets what is left of it, a retry whose wait
 * would pass it is not made, and a body still arriving at it errors. A redirect is never
 * followed (`RedirectError`), and a body over `maxResponseBytes` (default 32 MiB) is a
 * `ResponseTooLargeError` — by `Content-Length` before it is read, else as it streams.
 *
 * @example
 * ```ts
 * const client = createClient<paths>({ baseUrl, fetch: createTransport({ maxRetries: 3, timeoutMs: 10_000 }) });
 * ```
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const send = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  const defaultTimeoutMs = options.timeoutMs ?? 60_000;
  const maxRetries = Math.max(0, options.maxRetries ?? 2);
  const log = options.logger;

  return async function transport(request: Request, overrides: TransportOverrides = {}): Promise<Response> {
    const signal = request.signal;
    const method = request.method.toUpperCase();
    const url = redactUrl(request.url);
    const timeoutMs = overrides.timeoutMs ?? defaultTimeoutMs;
    const deadlineMs = overrides.deadlineMs ?? options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const deadlineAt = overrides.deadlineAt ?? Date.now() + deadlineMs;
    const retryBudget = overrides.maxRetries === undefined ? maxRetries : Math.max(0, overrides.maxRetries);
    const retries = IDEMPOTENT.includes(method) || (overrides.retryNonIdempotent ?? options.retryNonIdempotent) ? retryBudget : 0;
    // The fields of every error created here (and by guardBody).
    const context: AttemptContext = {
      method,
      url,
      secrets: options.secrets?.(),
      operationId: overrides.operationId,
      timeoutMs,
      deadlineMs,
      deadlineAt,
      maxBytes: overrides.maxResponseBytes ?? options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      signal,
    };
    // Error messages are loaded with the first failure: the happy path never downloads them.
    const fail = async (kind: AttemptFailure, cause?: unknown, response?: Response) =>
      (await import("./attempt-errors.js")).attemptError(kind, context, cause, response);

    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) throw await fail("abort", signal.reason);
      // Each attempt gets the timeout, or what is left of the deadline if that is less.
      const limit = Math.min(timeoutMs, deadlineAt - Date.now());
      if (limit <= 0) throw await fail("deadline");
      const timeout = new AbortController();
      const stop = () => timeout.abort();
      const timer = setTimeout(stop, limit);
      signal.addEventListener("abort", stop, { once: true });
      let response: Response | undefined;
      let failure: Error | undefined;
      const started = Date.now();
      log?.debug(`→ ${method} ${url}`, { attempt });
      try {
        // A copy per attempt, so the original body stays unread for the next one; the last
        // allowed attempt sends the original itself, so a body that cannot be retried (a POST,
        // a streamed upload) is never held in memory twice. Redirects are never followed: one
        // to another host would get the credentials and the body (see attemptError "redirect").
        const body = attempt > retries ? request : request.clone();
        response = await send(new Request(body, { signal: timeout.signal, redirect: "manual" }));
      } catch (error) {
        if (signal.aborted) throw await fail("abort", signal.reason);
        failure = await fail(timeout.signal.aborted ? (limit < timeoutMs ? "deadline" : "timeout") : "connect", error);
      } finally {
        clearTimeout(timer);
        signal.removeEventListener("abort", stop);
      }

      const status = response?.status as number;
      log?.debug(`← ${method} ${url} ${failure ? failure.name : status} in ${Date.now() - started} ms`, { attempt });
      const retry =
        attempt <= retries &&
        (failure !== undefined || RETRYABLE_STATUSES.has(status)) &&
        (await (await import("./retry-wait.js")).waitToRetry(options, { ...context, attempt, retries, response, failure }));
      if (retry) continue;
      if (failure) throw failure;
      const answer = response as Response;
      // A redirect (a browser's opaque one has status 0), or a body announced larger than
      // allowed: refused before anything is read.
      if (status < 200 || (status > 299 && status < 400) || Number(answer.headers.get("content-length")) > (context.maxBytes as number)) {
        stop();
        answer.body?.cancel().catch(() => undefined);
        throw await fail("refused", undefined, answer);
      }
      return guardBody(answer, { ...context, abort: stop });
    }
  };
}
