import { AbortError } from "../errors/AbortError.js";
import { ConnectionError } from "../errors/ConnectionError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { guardBody } from "./guard-body.js";
import type { Logger } from "./logger.js";
import { redactUrl } from "./redact.js";

/** Methods RFC 9110 §9.2.2 defines as idempotent: a retry cannot do the work twice. */
const IDEMPOTENT = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"];

/** Statuses worth another attempt: the server was busy, slow or briefly broken. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

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
}

/** What one call may change for itself (per-call options of the resource API). */
export interface TransportOverrides {
  /** Operation being called, recorded on the errors the transport creates. */
  operationId?: string;
  timeoutMs?: number;
  maxRetries?: number;
  retryNonIdempotent?: boolean;
}

/** A `fetch` that retries, times out each attempt and honours the caller's AbortSignal. */
export type Transport = (input: Request, overrides?: TransportOverrides) => Promise<Response>;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

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
 * data errors with `TimeoutError` (see `guardBody`).
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
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const random = options.random ?? Math.random;

  const log = options.logger;

  return async function transport(request: Request, overrides?: TransportOverrides): Promise<Response> {
    const callerSignal = request.signal;
    const method = request.method.toUpperCase();
    const url = redactUrl(request.url);
    const timeoutMs = overrides?.timeoutMs ?? defaultTimeoutMs;
    const retryAll = overrides?.retryNonIdempotent ?? options.retryNonIdempotent;
    const retryBudget = overrides?.maxRetries === undefined ? maxRetries : Math.max(0, overrides.maxRetries);
    const retries = IDEMPOTENT.includes(method) || retryAll ? retryBudget : 0;
    const operationId = overrides?.operationId;
    const op = operationId === undefined ? "" : ` (${operationId})`;
    // The fields of every error created here (and by guardBody).
    const context = { method, url, secrets: options.secrets?.() ?? [], operationId };
    const aborted = (cause: unknown) => new AbortError(`${method} ${url}${op} was aborted by the caller`, { ...context, cause });

    for (let attempt = 1; ; attempt++) {
      if (callerSignal.aborted) throw aborted(callerSignal.reason);
      const timeout = new AbortController();
      const stop = () => timeout.abort();
      const timer = setTimeout(stop, timeoutMs);
      callerSignal.addEventListener("abort", stop, { once: true });
      let response: Response | undefined;
      let failure: Error | undefined;
      const started = Date.now();
      log?.debug(`→ ${method} ${url}`, { attempt });
      try {
        // A copy per attempt, so the original body stays unread for the next one; the last
        // allowed attempt sends the original itself, so a body that cannot be retried (a POST,
        // a streamed upload) is never held in memory twice.
        const body = attempt > retries ? request : request.clone();
        response = await send(new Request(body, { signal: timeout.signal }));
      } catch (error) {
        if (callerSignal.aborted) throw aborted(callerSignal.reason);
        failure = timeout.signal.aborted
          ? new TimeoutError(`${method} ${url}${op} timed out after ${timeoutMs} ms`, { ...context, timeoutMs, cause: error })
          : new ConnectionError(`${method} ${url}${op} could not connect: ${(error as Error)?.message ?? String(error)}`, {
              ...context,
              cause: error,
            });
      } finally {
        clearTimeout(timer);
        callerSignal.removeEventListener("abort", stop);
      }

      const status = response?.status as number;
      log?.debug(`← ${method} ${url} ${failure ? failure.name : status} in ${Date.now() - started} ms`, { attempt });
      if (attempt > retries || !(failure || RETRYABLE_STATUSES.has(status))) {
        if (failure) throw failure;
        return guardBody(response as Response, { ...context, timeoutMs, abort: stop, signal: callerSignal, aborted });
      }

      // Exponential backoff with "equal jitter", unless the server said how long to wait.
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      let delayMs = Math.round(ceiling / 2 + (random() * ceiling) / 2);
      let reason = failure ? failure.name : `status ${status}`;
      const retryAfterHeader = response?.headers.get("retry-after");
      // Free the connection; not awaited: cancelling one branch of a tee'd body resolves only
      // when the other branch is cancelled too.
      response?.body?.cancel().catch(() => undefined);
      if (retryAfterHeader) {
        // Loaded with the first Retry-After to honour (only ever before a retry): calls that succeed never need it.
        const retryAfter = (await import("./retry-after.js")).parseRetryAfter(retryAfterHeader);
        if (retryAfter !== undefined) {
          delayMs = Math.min(retryAfter * 1000, maxRetryAfterMs);
          reason += `, Retry-After ${retryAfter} s`;
        }
      }
      options.onRetry?.({ attempt, delayMs, method, url, reason });
      log?.info(`retrying ${method} ${url} in ${delayMs} ms (retry ${attempt} of ${retries}): ${reason}`);
      try {
        await sleep(delayMs, callerSignal);
      } catch (cause) {
        throw aborted(cause);
      }
    }
  };
}
