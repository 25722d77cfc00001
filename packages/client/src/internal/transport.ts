import type { AttemptContext, AttemptFailure } from "./attempt-errors.js";
import { guardBody } from "./guard-body.js";
import type { Logger } from "./logger.js";
import { redactUrl } from "./redact.js";

/** Methods RFC 9110 §9.2.2 defines as idempotent: a retry cannot do the work twice. */
const IDEMPOTENT = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"];

/** The server was busy, slow or briefly broken. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Far above any JSON answer of the API. */
export const DEFAULT_MAX_RESPONSE_BYTES = 33_554_432;

export const DEFAULT_DEADLINE_MS = 300_000;

/** Options of {@link createTransport}. */
export interface TransportOptions {
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
  operationId?: string;
  timeoutMs?: number;
  maxRetries?: number;
  retryNonIdempotent?: boolean;
  deadlineMs?: number;
  /** A re-send after a token refresh shares the first send's deadline. */
  deadlineAt?: number;
  maxResponseBytes?: number;
}

/** A `fetch` that also takes a call's overrides. */
export type Transport = (input: Request, overrides?: TransportOverrides) => Promise<Response>;

/**
 * A `fetch` for openapi-fetch, so raw and resource methods share it: per-attempt timeouts,
 * a deadline per call, retries with backoff and `Retry-After` (idempotent methods only unless
 * `retryNonIdempotent`, so a POST is never sent twice by accident), redirects refused, the
 * body watched for stalls and size. Out of retries on a status, the last response is returned.
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
    // Loaded with the first failure: the happy path never downloads the messages.
    const fail = async (kind: AttemptFailure, cause?: unknown, response?: Response) =>
      (await import("./attempt-errors.js")).attemptError(kind, context, cause, response);

    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) throw await fail("abort", signal.reason);
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
        // The last allowed attempt sends the original, so a body that cannot be retried is never
        // held twice. A redirect to another host would get the credentials and the body.
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
      // Status 0: a browser's opaque redirect.
      if (status < 200 || (status > 299 && status < 400) || Number(answer.headers.get("content-length")) > (context.maxBytes as number)) {
        stop();
        answer.body?.cancel().catch(() => undefined);
        throw await fail("refused", undefined, answer);
      }
      return guardBody(answer, { ...context, abort: stop });
    }
  };
}
