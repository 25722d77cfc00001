import { type AttemptContext, attemptError } from "./attempt-errors.js";
import { delay } from "./delay.js";
import { redactUrl } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import type { RetryInfo, TransportOptions } from "./transport.js";

export interface FailedAttempt extends AttemptContext {
  /** 1-based. */
  attempt: number;
  retries: number;
  response?: Response;
  failure?: Error;
  /** The call's own hook, called after the transport's. */
  onRetry?: (info: RetryInfo) => void;
}

/**
 * Resolves `false` at once, the answer left unread, when the wait would end past the deadline:
 * the call then ends with what the last attempt gave. Loaded with the first retry only.
 */
export async function waitToRetry(policy: TransportOptions, failed: FailedAttempt): Promise<boolean> {
  const { attempt, response, failure, method } = failed;
  const url = redactUrl(failed.url);
  const ceiling = Math.min(policy.maxDelayMs ?? 8_000, (policy.baseDelayMs ?? 500) * 2 ** (attempt - 1));
  let delayMs = Math.round(ceiling / 2 + ((policy.random ?? Math.random)() * ceiling) / 2);
  let reason = failure ? failure.name : `status ${response?.status}`;
  const retryAfter = parseRetryAfter(response?.headers.get("retry-after") ?? null);
  if (retryAfter !== undefined) {
    delayMs = Math.min(retryAfter * 1000, policy.maxRetryAfterMs ?? 60_000);
    reason += `, Retry-After ${retryAfter} s`;
  }
  if (Date.now() + delayMs >= failed.deadlineAt) {
    policy.logger?.info(
      `not retrying ${method} ${url}: waiting ${delayMs} ms would pass its deadline of ${failed.deadlineMs} ms (${reason})`,
    );
    return false;
  }
  // Free the connection; not awaited: cancelling one branch of a tee'd body resolves only
  // when the other branch is cancelled too.
  response?.body?.cancel().catch(() => undefined);
  const info: RetryInfo = { attempt, delayMs, method, url, reason };
  if (response) info.status = response.status;
  if (retryAfter !== undefined) info.retryAfter = retryAfter;
  policy.onRetry?.(info);
  failed.onRetry?.(info);
  policy.logger?.info(`retrying ${method} ${url} in ${delayMs} ms (retry ${attempt} of ${failed.retries}): ${reason}`);
  try {
    await delay(delayMs, failed.signal);
  } catch (cause) {
    throw attemptError("abort", failed, cause);
  }
  return true;
}
