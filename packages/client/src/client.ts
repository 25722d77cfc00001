import type { paths } from "@faxkit/types";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { authenticate, type TokenSource } from "./internal/auth.js";
import type { ClientContext } from "./internal/client-context.js";
import { type Logger, type LogLevel, levelledLogger } from "./internal/logger.js";
import type { OAuthOptions, TokenRefresher } from "./internal/oauth-refresh.js";
import { SecretSet } from "./internal/secret-set.js";
import { createTransport, type TransportOptions, type TransportOverrides } from "./internal/transport.js";
import type { CallOptions } from "./resources/call-options.js";
import { buildResourceApi, type ResourceApi } from "./resources/resource-api.js";

/** Production base URL of the Fax.Plus REST API v3. */
export const DEFAULT_BASE_URL = "https://restapi.fax.plus/v3";

/** Options of {@link createFaxPlusClient}. */
export interface FaxPlusClientOptions {
  /** Default `https://restapi.fax.plus/v3`. */
  baseUrl?: string;
  /** Personal Access Token or OAuth2 access token, or a (sync or async) function returning one. */
  token?: TokenSource;
  /** OAuth2 client id, sent as `x-fax-clientid` (default: `oauth.clientId` when OAuth2 refresh is set). */
  clientId?: string;
  /** OAuth2 refresh: on a 401, fetch a new access token once (shared by concurrent requests) and retry. */
  oauth?: OAuthOptions;
  /** `user_id` of resource calls that do not name one. Default `"self"`. */
  userId?: string;
  /** The fetch that really sends (default: the global one). */
  fetch?: typeof fetch;
  /** Timeout of each attempt, in ms, also bounding each wait for body data. Default 60,000; per call: `{ timeout }`. */
  timeout?: number;
  /** Retries after the first attempt (idempotent methods only, unless a call passes `{ retry: true }`). Default 2. */
  maxRetries?: number;
  /** Called before each retry; the URL in it is redacted. */
  onRetry?: TransportOptions["onRetry"];
  /** Where the client logs (default `console`): attempts at `debug`, retries and token refreshes at `info`. */
  logger?: Partial<Logger>;
  /** Lowest level logged. Default `"warn"`. */
  logLevel?: LogLevel;
  /** Middleware to validate requests and responses, e.g. `validationMiddleware()` from `@faxkit/validator`. Off by default. */
  validate?: Middleware;
  /** `User-Agent` to send (ignored by browsers, which set their own). */
  userAgent?: string;
}

/**
 * The client: openapi-fetch's path-typed methods (`{ data, error, response }`, never
 * throwing on an error status) and the resource API (`fax.faxes.list()`, …: typed data,
 * typed errors thrown), both over the same authenticated, retrying, timing-out transport.
 */
export type FaxPlusClient = Pick<Client<paths>, "GET" | "PUT" | "POST" | "DELETE" | "use" | "eject"> & ResourceApi;

/**
 * Creates a Fax.Plus client.
 *
 * @example
 * ```ts
 * const fax = createFaxPlusClient({ token: process.env.FAXPLUS_TOKEN });
 * const page = await fax.faxes.list({ category: "inbox", limit: 20 });
 * await fax.faxes.bulkUpdate({ ids: ["66df09cf1d6d0b295c363956"], is_read: true });
 * const { data, error } = await fax.GET("/accounts/{user_id}", { params: { path: { user_id: "self" } } });
 * ```
 */
export function createFaxPlusClient(options: FaxPlusClientOptions = {}): FaxPlusClient {
  const logger = levelledLogger(options.logger, options.logLevel);
  const clientId = options.clientId ?? options.oauth?.clientId;
  const secrets = new SecretSet([typeof options.token === "string" ? options.token : undefined, clientId]);
  // Options left undefined take the transport's and the authenticator's defaults.
  const transport = createTransport({
    fetch: options.fetch,
    timeoutMs: options.timeout,
    maxRetries: options.maxRetries,
    onRetry: options.onRetry,
    logger,
    secrets: () => secrets.list(),
  });
  const refresher = options.oauth ? lazyRefresher(options.oauth, (request) => transport(request), secrets, logger) : undefined;
  const send = authenticate(transport, { secrets, token: options.token, clientId, userAgent: options.userAgent, refresher });
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? DEFAULT_BASE_URL, fetch: (request: Request) => send(request) });
  if (options.validate) client.use(options.validate);

  const ctx: ClientContext = {
    client,
    userId: options.userId ?? "self",
    secrets: () => secrets.list(),
    logger,
    fetchFor(operationId: string, call: CallOptions | undefined) {
      const overrides: TransportOverrides = {
        operationId,
        timeoutMs: call?.timeout,
        maxRetries: call?.maxRetries,
        retryNonIdempotent: call?.retry,
      };
      return (request: Request) => send(request, overrides);
    },
  };
  return {
    GET: client.GET,
    PUT: client.PUT,
    POST: client.POST,
    DELETE: client.DELETE,
    use: client.use,
    eject: client.eject,
    ...buildResourceApi(ctx),
  };
}

/**
 * The OAuth2 refresher, loaded on the first refresh: clients using a Personal Access Token
 * never download it. Its credentials are registered for scrubbing at once.
 */
function lazyRefresher(
  oauth: OAuthOptions,
  send: (request: Request) => Promise<Response>,
  secrets: SecretSet,
  logger: ReturnType<typeof levelledLogger>,
): TokenRefresher {
  for (const secret of [oauth.clientSecret, oauth.refreshToken, oauth.clientId]) secrets.add(secret);
  let loaded: TokenRefresher | undefined;
  let loading: Promise<TokenRefresher> | undefined;
  return {
    current: () => loaded?.current(),
    async refresh(stale) {
      loading ??= import("./internal/oauth-refresh.js").then((module) => {
        loaded = module.createTokenRefresher(oauth, send, secrets, logger);
        return loaded;
      });
      return (await loading).refresh(stale);
    },
  };
}
