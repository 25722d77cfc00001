import type { paths } from "@faxkit/types";
import createClient, { type Client, createQuerySerializer, defaultPathSerializer, type Middleware } from "openapi-fetch";
import { authenticate, type TokenSource } from "./internal/auth.js";
import { refuseBrowser } from "./internal/browser-guard.js";
import type { ClientContext } from "./internal/client-context.js";
import { checkCredentials } from "./internal/credentials.js";
import { preloadBodyGuard } from "./internal/guard-body.js";
import { type Logger, type LogLevel, levelledLogger } from "./internal/logger.js";
import type { OAuthOptions } from "./internal/oauth-refresh.js";
import { isDotSegment, pathParamError } from "./internal/path-param.js";
import { redactUrl } from "./internal/redact.js";
import { SecretSet } from "./internal/secret-set.js";
import { CALLER_SIGNAL, createTransport, DEFAULT_DEADLINE_MS, type FetchOptions, type TransportOptions } from "./internal/transport.js";
import { buildResourceApi, type ResourceApi } from "./resources/resource-api.js";

/** Production base URL of the Fax.Plus REST API v3. */
export const DEFAULT_BASE_URL = "https://restapi.fax.plus/v3";

/** Options of {@link createFaxPlusClient}; the README's table gives every default. */
export interface FaxPlusClientOptions {
  /** Default `https://restapi.fax.plus/v3`; credentials in it are dropped. */
  baseUrl?: string;
  /** Personal Access Token or OAuth2 access token, or a (sync or async) function returning one; trimmed. */
  token?: TokenSource;
  /** OAuth2 client id, sent as `x-fax-clientid` (default: `oauth.clientId` when OAuth2 refresh is set). */
  clientId?: string;
  /** On a 401, fetch a new access token once (shared by concurrent requests) and send again. */
  oauth?: OAuthOptions;
  /** `user_id` of calls that do not name one. Default `"self"`. */
  userId?: string;
  /** The `fetch` to send with (default: the global one), e.g. a test double or one bound to a proxy. */
  fetch?: typeof fetch;
  /** Each attempt, and each wait for body data, in ms. Default 60,000. */
  timeout?: number;
  /** Retries after the first attempt: GET, PUT, DELETE on any retryable failure, POST only when unprocessed (`retryUnprocessedPosts`). Default 2. */
  maxRetries?: number;
  /**
   * Retry a POST that was certainly not processed: answered 429, or its connection refused
   * before anything was sent (`ECONNREFUSED`; Node only, browsers do not tell). Never on a
   * timeout, a reset or a 5xx, which may come after the fax was accepted. Default `true`;
   * `false`: a POST is retried only when its call passes `{ retry: true }`.
   */
  retryUnprocessedPosts?: boolean;
  /** Longest a call may take in all, in ms, retries, waits and the body included. Default 300,000; `Infinity` for none. */
  deadline?: number;
  /** Largest response body read, in bytes. Default 32 MiB; documents are not limited unless a call asks. */
  maxResponseBytes?: number;
  /** Called before each retry, with its attempt, wait, reason and the answer's `status` and `retryAfter` (a call's own `onRetry` comes after). */
  onRetry?: TransportOptions["onRetry"];
  /** Where the client logs (default `console`): attempts at `debug`, retries and token refreshes at `info`. */
  logger?: Partial<Logger>;
  /** The least severe level `logger` gets (default `"warn"`); `"off"` for none. */
  logLevel?: LogLevel;
  /** Middleware to validate requests and responses, e.g. `validationMiddleware()` from `@faxkit/validator/middleware`. Off by default. */
  validate?: Middleware;
  /** Ignored by browsers, which set their own. */
  userAgent?: string;
  /** Sent with every request; a call's `headers` win over them, and neither can replace the credentials. */
  defaultHeaders?: Record<string, string>;
  /** Added to every fetch (a Node `dispatcher` or proxy agent, `cache`, `credentials`); never its signal or redirect. */
  fetchOptions?: FetchOptions;
  /**
   * Allow a client in a browser, where its credentials reach every visitor. Right only for a
   * token that belongs to the visitor (their own OAuth2 access token, obtained at run time);
   * never for a Personal Access Token or a client secret.
   */
  dangerouslyAllowBrowser?: boolean;
}

/**
 * openapi-fetch's `Client<paths>` (path-typed methods that never throw on an error status:
 * `GET`, `PUT`, `POST`, `DELETE`, `OPTIONS`, `HEAD`, `PATCH`, `TRACE`, `request`, `use`,
 * `eject`), so libraries built on openapi-fetch accept it, and the resource API (typed errors thrown).
 *
 * @example
 * ```ts
 * const client: Client<paths> = createFaxPlusClient({ token }); // e.g. for openapi-react-query
 * ```
 */
export type FaxPlusClient = Client<paths> & ResourceApi;

/**
 * Creates a Fax.Plus client.
 *
 * @example
 * ```ts
 * const fax = createFaxPlusClient({ token: process.env.FAXPLUS_TOKEN });
 * const page = await fax.faxes.list({ category: "inbox", limit: 20 });
 * ```
 */
export function createFaxPlusClient(options: FaxPlusClientOptions = {}): FaxPlusClient {
  if (!options.dangerouslyAllowBrowser) refuseBrowser();
  // The first response need not wait for the body guard to load.
  preloadBodyGuard().catch(() => undefined);
  const logger = levelledLogger(options.logger, options.logLevel);
  // fetch's errors would quote credentials in the URL.
  const baseUrl = redactUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const oauth = options.oauth && checkCredentials({ ...options.oauth }, "oauth.");
  // Said at creation, not at the first call, which may come much later (or from a request handler).
  if (oauth && oauth.refreshToken === undefined && oauth.tokenStore === undefined)
    throw new TypeError("oauth.refreshToken is required unless oauth.tokenStore is given");
  const { token, clientId } = checkCredentials({ token: options.token, clientId: options.clientId ?? oauth?.clientId });
  // Every credential is registered at once: an error can quote one before it is first used.
  const secrets = new SecretSet([token, clientId, oauth?.clientSecret, oauth?.refreshToken]);
  const deadlineMs = options.deadline ?? DEFAULT_DEADLINE_MS;
  const transport = createTransport({
    fetch: options.fetch,
    timeoutMs: options.timeout,
    maxRetries: options.maxRetries,
    onRetry: options.onRetry,
    retryNonIdempotent: options.retryUnprocessedPosts === false ? false : "unprocessed",
    // The transport logs only at debug and info: above those it gets no logger and builds no line.
    logger: options.logLevel === "debug" || options.logLevel === "info" ? logger : undefined,
    secrets: secrets.list,
    deadlineMs,
    maxResponseBytes: options.maxResponseBytes,
    fetchOptions: options.fetchOptions,
  });
  const send = authenticate(transport, { secrets, token, clientId, userAgent: options.userAgent, oauth, deadlineMs, logger });
  // Every request is born with redirect "manual" and says whether its caller gave a signal,
  // so the transport can send it as it is.
  class ClientRequest extends Request {
    declare readonly [CALLER_SIGNAL]: AbortSignal | null;
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      (this as { [CALLER_SIGNAL]: AbortSignal | null })[CALLER_SIGNAL] = init?.signal ?? null;
    }
  }
  const pathSerializer = checkedPathSerializer(baseUrl);
  const client = createClient<paths>({
    baseUrl,
    headers: options.defaultHeaders,
    redirect: "manual",
    Request: ClientRequest,
    fetch: (request: Request) => send(request),
    pathSerializer,
  });
  // openapi-fetch's list of middleware, mirrored: while it is empty, resource calls build their own requests.
  const middleware: unknown[] = [];
  const use: typeof client.use = (...added) => {
    for (const item of added) {
      client.use(item);
      if (item) middleware.push(item);
    }
  };
  const eject: typeof client.eject = (...removed) => {
    client.eject(...removed);
    for (const item of removed) if (middleware.includes(item)) middleware.splice(middleware.indexOf(item), 1);
  };
  if (options.validate) use(options.validate);

  const ctx: ClientContext = {
    client,
    userId: options.userId ?? "self",
    secrets: secrets.list,
    logger,
    send,
    direct: {
      baseUrl: baseUrl.replace(/\/$/, ""),
      headers: options.defaultHeaders,
      Request: ClientRequest,
      querySerializer: createQuerySerializer(),
      pathSerializer,
      hasMiddleware: () => middleware.length > 0,
    },
  };
  return { ...client, use, eject, ...buildResourceApi(ctx) };
}

/**
 * openapi-fetch's path serializer, first refusing a dot-segment path parameter, for raw and
 * resource methods alike: it would move the request to another resource (the URL normalises it away).
 */
function checkedPathSerializer(baseUrl: string): (url: string, params: Record<string, unknown>) => string {
  const base = baseUrl.replace(/\/+$/, "");
  return (url, params) => {
    for (const name in params)
      if (isDotSegment(params[name])) throw pathParamError(name, params[name], url.startsWith(base) ? url.slice(base.length) : url);
    return defaultPathSerializer(url, params);
  };
}
