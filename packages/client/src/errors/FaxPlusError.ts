import { redactHeaders, redactUrl, scrub } from "../internal/redact.js";

/** Longest `rawBody` an error keeps, in characters. */
export const RAW_BODY_LIMIT = 2000;

/** What a {@link FaxPlusError} knows about the failed call. */
export interface FaxPlusErrorInit {
  status?: number;
  code?: string;
  description?: string;
  operationId?: string;
  method?: string;
  url?: string;
  /** Of the response. */
  headers?: Headers | Record<string, string>;
  rawBody?: string;
  cause?: unknown;
  /** Scrubbed from every field and the cause; never stored on the error. */
  secrets?: readonly string[];
}

/** What `toJSON()` returns: plain, already-redacted data for logs. */
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
  /** The cause's message. */
  cause: string | undefined;
}

/**
 * The fields a subclass adds to `toJSON()`.
 *
 * @example
 * ```ts
 * type Extra = FaxPlusErrorExtraJSON<TimeoutError>; // { timeoutMs: number }
 * ```
 */
export type FaxPlusErrorExtraJSON<E> = { [K in Exclude<keyof E, keyof FaxPlusError>]: E[K] };

function scrubbed(text: string | undefined, secrets: readonly string[]): string | undefined {
  return text === undefined ? text : scrub(text, secrets);
}

/** A scrubbed copy when the cause carries a secret: `util.inspect` and loggers print causes in full. */
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

function causeMessage(cause: unknown): string | undefined {
  if (cause === undefined || cause instanceof Error) return cause?.message;
  try {
    return String(cause);
  } catch {
    return undefined;
  }
}

/**
 * Base class of every error the client throws; a status without a subclass (405, 422) is a
 * plain one. Redacted on construction, so it is safe to log, serialise or report as is.
 *
 * @example
 * ```ts
 * if (error instanceof FaxPlusError) console.error(error.status, error.code, error.description);
 * ```
 */
export class FaxPlusError extends Error {
  override readonly name: string = "FaxPlusError";
  // Declared only: the constructor assigns them in this order, so toJSON() lists them so.
  /** `undefined` when no response arrived. */
  declare readonly status: number | undefined;
  /** The API's `error` field, e.g. `"invalid_user_id"`. */
  declare readonly code: string | undefined;
  declare readonly description: string | undefined;
  declare readonly operationId: string | undefined;
  declare readonly method: string | undefined;
  /** Redacted. */
  declare readonly url: string | undefined;
  declare readonly headers: Readonly<Record<string, string>>;
  /** Redacted; at most {@link RAW_BODY_LIMIT} characters. */
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

  /** Plain data for logs, with the cause's message instead of the cause. */
  toJSON(): FaxPlusErrorJSON & FaxPlusErrorExtraJSON<this> {
    return {
      name: this.name,
      message: this.message,
      ...(this as object),
      headers: { ...this.headers },
      cause: this.#causeMessage,
    } as never;
  }
}
