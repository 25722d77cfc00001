import { AbortError, ConnectionError, FaxPlusError, RedirectError, ResponseTooLargeError, TimeoutError } from "../errors/index.js";
import { redactedError } from "./redacted-error.js";
import { redactLocation } from "./scrub.js";

export interface AttemptContext {
  method: string;
  /** As sent: errors and logs redact it. */
  url: string;
  operationId?: string;
  secrets?: readonly string[];
  /** For the response, and again for each piece of its body. */
  timeoutMs: number;
  deadlineMs?: number;
  deadlineAt: number;
  signal?: AbortSignal;
  maxBytes?: number;
}

/** `late`: the body was still arriving at the deadline. `refused`: a redirect or an announced size, told apart here. */
export type AttemptFailure = "abort" | "timeout" | "deadline" | "connect" | "stall" | "cut" | "late" | "size" | "redirect" | "refused";

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** Loaded on the first failure only: the happy path never downloads these messages. */
export function attemptError(kind: AttemptFailure, ctx: AttemptContext, cause?: unknown, response?: Response): FaxPlusError {
  const { method, url, timeoutMs, deadlineMs, maxBytes = 0 } = ctx;
  const call = `${method} ${url}${ctx.operationId === undefined ? "" : ` (${ctx.operationId})`}`;
  const init = { method, url, secrets: ctx.secrets, operationId: ctx.operationId, cause };
  const answered = response && { status: response.status, headers: response.headers };
  const status = response?.status as number;
  // Any 3xx, or a browser's opaque redirect (status 0), is a redirect; else the size was the problem.
  const refusal = status < 200 || (status > 299 && status < 400) ? "redirect" : "size";
  switch (kind === "refused" ? refusal : kind) {
    case "abort":
      return redactedError(AbortError, `${call} was aborted by the caller`, init);
    case "timeout":
      return redactedError(TimeoutError, `${call} timed out after ${timeoutMs} ms`, { ...init, timeoutMs });
    case "deadline":
    case "late":
      return redactedError(
        TimeoutError,
        `${call} did not finish within its deadline of ${deadlineMs} ms${kind === "deadline" ? "" : " (the response body was still arriving)"}`,
        { ...init, timeoutMs: deadlineMs as number },
      );
    case "stall":
      return redactedError(TimeoutError, `${method} ${url}: the response body stalled (no data for ${timeoutMs} ms)`, {
        ...init,
        timeoutMs,
      });
    case "cut":
      return redactedError(
        ConnectionError,
        `${method} ${url}: the connection broke while reading the response body: ${messageOf(cause)}`,
        init,
      );
    case "size":
      return redactedError(
        ResponseTooLargeError,
        `${call} answered with a body larger than maxResponseBytes (${maxBytes} bytes); nothing more was read`,
        {
          ...init,
          ...answered,
          maxBytes,
        },
      );
    case "redirect": {
      const target = response?.headers.get("location");
      const location = target ? redactLocation(target, ctx.secrets) : undefined;
      const where = location ? `to ${JSON.stringify(location)}` : "without a location";
      // The headers the error keeps show the target redacted too (its query string may hold a signature).
      const headers = new Headers(response?.headers);
      if (location) headers.set("location", location);
      return redactedError(RedirectError, `${call} was redirected (status ${status}) ${where}; redirects are not followed, check baseUrl`, {
        ...init,
        ...answered,
        headers,
        location,
      });
    }
    // "connect"
    default:
      return redactedError(ConnectionError, `${call} could not connect: ${messageOf(cause)}`, init);
  }
}

/**
 * The body guard's error: an error that is already typed (a read cut by the guard's own error,
 * an abort whose reason is one) as it is, else {@link attemptError}'s.
 */
export function bodyError(kind: AttemptFailure, ctx: AttemptContext, cause: unknown, response: Response): FaxPlusError {
  return cause instanceof FaxPlusError ? cause : attemptError(kind, ctx, cause, response);
}
