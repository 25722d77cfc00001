import { redactHeaders, redactUrl, scrub } from "../internal/redact.js";

/** Longest `rawBody` an error keeps, in characters. */
export const RAW_BODY_LIMIT = 2000;

/** What a {@link FaxPlusError} knows about the failed call. Every field is optional. */
export interface FaxPlusErrorInit {
  /** HTTP status of the response; absent when no response arrived. */
  status?: number;
  /** The API's `error` field, e.g. `"invalid_user_id"`. */
  code?: string;
  /** The API's `description` field, e.g. `"Invalid user id given"`. */
  description?: string;
  /** OpenAPI operation, e.g. `"bulkUpdateFaxes"`. */
  operationId?: string;
  /** HTTP method, e.g. `"PUT"`. */
  method?: string;
  /** Request URL; stored redacted. */
  url?: string;
  /** RESPONSE headers; stored as a plain object with secret-bearing headers redacted. */
  headers?: Headers | Record<string, string>;
  /** Raw response text; stored scrubbed and truncated to {@link RAW_BODY_LIMIT} characters. */
  rawBody?: string;
  /** The underlying error (a network error, an abort reason, …). */
  cause?: unknown;
  /**
   * Credentials in play (token, client id, client secret, refresh token). Every occurrence in the
   * message, URL, headers, code, description, raw body and cause message is replaced with
   * `"[redacted]"`. Used while constructing only; never stored on the error.
   */
  secrets?: readonly string[];
}

/** What {@link FaxPlusError.toJSON} returns: plain, already-redacted data for logs. */
export interface FaxPlusErrorJSON {
  name: string;
  message: string;
  status: number | undefined;
  code: string | undefined;
  description: string | undefined;
  operationId: string | undefined;
  method: string | undefined;
  url: string | undefined;
  headers: Record<string, string>;
  rawBody: string | undefined;
  /** The cause's message (redacted), when there is a cause. */
  cause: string | undefined;
}

/**
 * The fields a subclass adds (`timeoutMs`, `retryAfter`, `location`, …), as {@link FaxPlusError.toJSON} returns them.
 *
 * @example
 * ```ts
 * type Extra = FaxPlusErrorExtraJSON<TimeoutError>; // { timeoutMs: number }
 * ```
 */
export type FaxPlusErrorExtraJSON<E> = { [K in Exclude<keyof E, keyof FaxPlusError>]: E[K] };

/** {@link scrub}, passing `undefined` through. */
function scrubbed(text: string | undefined, secrets: readonly string[]): string | undefined {
  return text === undefined ? text : scrub(text, secrets);
}

/**
 * The cause itself when it carries no secret; otherwise a copy with secrets scrubbed from
 * its message and stack (and from its own causes, three levels deep) — `util.inspect` and
 * loggers print causes in full. The copy keeps the name and `code`.
 */
function redactedCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(cause instanceof Error)) return typeof cause === "string" ? scrub(cause, secrets) : cause;
  const message = scrub(cause.message, secrets);
  const stack = scrubbed(cause.stack, secrets);
  const inner = depth < 3 ? redactedCause(cause.cause, secrets, depth + 1) : cause.cause;
  if (message === cause.message && stack === cause.stack && inner === cause.cause) return cause;
  const { name, code } = cause as Error & { code?: unknown };
  return Object.assign(
    new Error(message, inner === undefined ? undefined : { cause: inner }),
    { name, stack },
    typeof code === "string" || typeof code === "number" ? { code } : undefined,
  );
}

/** The cause's message: an Error's `message`, anything else as a string (`undefined` when it has none or cannot be one). */
function causeMessage(cause: unknown): string | undefined {
  if (cause === undefined || cause instanceof Error) return cause?.message;
  try {
    return String(cause);
  } catch {
    return undefined;
  }
}

/**
 * Base class of every error the client throws. URL, headers, message, body and cause message
 * are redacted on construction, so the error is safe to log, serialise or report as is.
 *
 * An HTTP error status without a more specific subclass (e.g. 405, 422) is a plain `FaxPlusError`
 * with that `status`.
 *
 * @example
 * ```ts
 * try {
 *   await client.PUT("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, body });
 * } catch (error) {
 *   if (error instanceof FaxPlusError) console.error(error.status, error.code, error.description);
 * }
 * ```
 */
export class FaxPlusError extends Error {
  override readonly name: string = "FaxPlusError";
  // The fields below are declared only: the constructor assigns every one of them, in this order.
  /** HTTP status, or `undefined` when no response arrived (connection failure, timeout, abort). */
  declare readonly status: number | undefined;
  /** The API's `error` field, e.g. `"invalid_user_id"`. */
  declare readonly code: string | undefined;
  /** The API's `description` field, e.g. `"Invalid user id given"`. */
  declare readonly description: string | undefined;
  /** OpenAPI operation id, e.g. `"bulkUpdateFaxes"`. */
  declare readonly operationId: string | undefined;
  /** HTTP method, e.g. `"PUT"`. */
  declare readonly method: string | undefined;
  /** Request URL, with credentials in the query string and userinfo redacted. */
  declare readonly url: string | undefined;
  /** Response headers (lower-case names), with secret-bearing ones redacted. */
  declare readonly headers: Readonly<Record<string, string>>;
  /** Raw response text (redacted, at most {@link RAW_BODY_LIMIT} characters), e.g. an HTML gateway page. */
  declare readonly rawBody: string | undefined;
  readonly #causeMessage: string | undefined;

  constructor(message: string, init: FaxPlusErrorInit = {}) {
    const secrets = init.secrets ?? [];
    const url = init.url === undefined ? undefined : scrub(redactUrl(init.url), secrets);
    // The message quotes the URL as given: the redacted one replaces it there too.
    super(
      scrub(init.url ? message.split(init.url).join(url) : message, secrets),
      init.cause === undefined ? undefined : { cause: redactedCause(init.cause, secrets) },
    );
    this.status = init.status;
    this.code = scrubbed(init.code, secrets);
    this.description = scrubbed(init.description, secrets);
    this.operationId = init.operationId;
    this.method = init.method;
    this.url = url;
    const headers = redactHeaders(init.headers);
    for (const name of Object.keys(headers)) headers[name] = scrub(headers[name] as string, secrets);
    this.headers = headers;
    // Scrub first, then truncate, so a truncation can never leave half a secret behind.
    this.rawBody = scrubbed(init.rawBody, secrets)?.slice(0, RAW_BODY_LIMIT);
    this.#causeMessage = scrubbed(causeMessage(init.cause), secrets);
  }

  /**
   * Plain data for logs: every field above and those a subclass adds (`timeoutMs`, …), and the
   * cause's message instead of the cause.
   */
  toJSON(): FaxPlusErrorJSON & FaxPlusErrorExtraJSON<this> {
    // The fields are own properties, assigned in the order above (a subclass's after them).
    return {
      name: this.name,
      message: this.message,
      ...(this as object),
      headers: { ...this.headers },
      cause: this.#causeMessage,
    } as never;
  }
}
