/** Longest `rawBody` an error keeps, in characters. */
export const RAW_BODY_LIMIT = 2000;

/** What a {@link FaxPlusError} knows about the failed call, stored as given (see `redactedError`). */
export interface FaxPlusErrorInit {
  /** The HTTP status; omitted when no response arrived (the class's own `status` applies). */
  status?: number;
  /** The API's `error` field, e.g. `"invalid_user_id"`. */
  code?: string;
  /** The API's `description` field: its explanation, for people. */
  description?: string;
  /** The operation that failed, e.g. `"getFax"`. */
  operationId?: string;
  /** The request's HTTP method. */
  method?: string;
  /** The request's URL (the client passes it redacted). */
  url?: string;
  /** Of the response. */
  headers?: Headers | Record<string, string>;
  /** The response body as text; cut to {@link RAW_BODY_LIMIT} characters. */
  rawBody?: string;
  /** What went wrong underneath (a network error, an abort reason), kept as the error's `cause`. */
  cause?: unknown;
}

/** What `toJSON()` returns: plain, already-redacted data for logs. */
export interface FaxPlusErrorJSON {
  /** The error class's name, e.g. `"NotFoundError"`. */
  name: string;
  /** The error's message. */
  message: string;
  /** See {@link FaxPlusError.status}. */
  status: number | undefined;
  /** See {@link FaxPlusError.code}. */
  code: string | undefined;
  /** See {@link FaxPlusError.description}. */
  description: string | undefined;
  /** See {@link FaxPlusError.operationId}. */
  operationId: string | undefined;
  /** See {@link FaxPlusError.method}. */
  method: string | undefined;
  /** See {@link FaxPlusError.url}. */
  url: string | undefined;
  /** See {@link FaxPlusError.headers}. */
  headers: Record<string, string>;
  /** See {@link FaxPlusError.rawBody}. */
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
 * plain one. The client builds each through `redactedError` (`@faxkit/client/errors`), which
 * scrubs credentials, the URL's secrets and secret headers first, so what it throws is safe to
 * log, serialise or report as is. The constructor itself stores what it is given: redacting
 * here would put the redaction code into every app's initial download.
 *
 * @example
 * ```ts
 * if (error instanceof FaxPlusError) console.error(error.status, error.code, error.description);
 * ```
 */
export class FaxPlusError extends Error {
  /** The `status` of an error of this class when `init` names none (`NotFoundError.status` is 404). */
  declare static readonly status?: number;
  override readonly name: string = "FaxPlusError";
  // Declared only: the constructor assigns them in this order, so toJSON() lists them so.
  /** `undefined` when no response arrived. */
  declare readonly status: number | undefined;
  /** The API's `error` field, e.g. `"invalid_user_id"`. */
  declare readonly code: string | undefined;
  /** The API's `description` field: its explanation, for people. */
  declare readonly description: string | undefined;
  /** The operation that failed, e.g. `"getFax"`; `undefined` for a raw openapi-fetch call. */
  declare readonly operationId: string | undefined;
  /** The request's HTTP method. */
  declare readonly method: string | undefined;
  /** Redacted when the client built the error. */
  declare readonly url: string | undefined;
  /** Lower-case names; repeated headers joined with `", "`. */
  declare readonly headers: Readonly<Record<string, string>>;
  /** At most {@link RAW_BODY_LIMIT} characters. */
  declare readonly rawBody: string | undefined;

  constructor(message: string, init: FaxPlusErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status ?? (new.target as typeof FaxPlusError).status;
    this.code = init.code;
    this.description = init.description;
    this.operationId = init.operationId;
    this.method = init.method;
    this.url = init.url;
    this.headers = Object.fromEntries(new Headers(init.headers));
    this.rawBody = init.rawBody?.slice(0, RAW_BODY_LIMIT);
  }

  /** Plain data for logs, with the cause's message instead of the cause. */
  toJSON(): FaxPlusErrorJSON & FaxPlusErrorExtraJSON<this> {
    return {
      name: this.name,
      message: this.message,
      ...(this as object),
      headers: { ...this.headers },
      cause: causeMessage(this.cause),
    } as never;
  }
}
