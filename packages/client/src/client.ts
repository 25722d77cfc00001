import type { paths } from "@faxkit/types";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { authenticate, type TokenSource } from "./internal/auth.js";
import type { ClientContext } from "./internal/client-context.js";
import { checkCredentials } from "./internal/credentials.js";
import { type Logger, type LogLevel, levelledLogger } from "./internal/logger.js";
import type { OAuthOptions, TokenRefresher } from "./internal/oauth-refresh.js";
import { isDotSegment } from "./internal/path-param.js";
import { redactUrl } from "./internal/redact.js";
import { SecretSet } from "./internal/secret-set.js";
import { createTransport, DEFAULT_DEADLINE_MS, type TransportOptions } from "./internal/transport.js";
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
  fetch?: typeof fetch;
  /** Each attempt, and each wait for body data, in ms. Default 60,000. */
  timeout?: number;
  /** Idempotent methods only, unless a call passes `{ retry: true }`. Default 2. */
  maxRetries?: number;
  /** Longest a call may take in all, in ms, retries, waits and the body included. Default 300,000; `Infinity` for none. */
  deadline?: number;
  /** Largest response body read, in bytes. Default 32 MiB; documents are not limited unless a call asks. */
  maxResponseBytes?: number;
  onRetry?: TransportOptions["onRetry"];
  /** Where the client logs (default `console`): attempts at `debug`, retries and token refreshes at `info`. */
  logger?: Partial<Logger>;
  logLevel?: LogLevel;
  /** Middleware to validate requests and responses, e.g. `validationMiddleware()` from `@faxkit/validator/middleware`. Off by default. */
  validate?: Middleware;
  /** Ignored by browsers, which set their own. */
  userAgent?: string;
}

/** openapi-fetch's path-typed methods (never throwing on an error status) and the resource API (typed errors thrown). */
export type FaxPlusClient = Pick<Client<paths>, "GET" | "PUT" | "POST" | "DELETE" | "use" | "eject"> & ResourceApi;

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
  const logger = levelledLogger(options.logger, options.logLevel);
  // fetch's errors would quote credentials in the URL.
  const baseUrl = redactUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const oauth = options.oauth && checkCredentials({ ...options.oauth }, "oauth.");
  const { token, clientId } = checkCredentials({ token: options.token, clientId: options.clientId ?? oauth?.clientId });
  // Every credential is registered at once: an error can quote one before it is first used.
  const secrets = new SecretSet([token, clientId, oauth?.clientSecret, oauth?.refreshToken]);
  const deadlineMs = options.deadline ?? DEFAULT_DEADLINE_MS;
  const transport = createTransport({
    fetch: options.fetch,
    timeoutMs: options.timeout,
    maxRetries: options.maxRetries,
    onRetry: options.onRetry,
    logger,
    secrets: secrets.list,
    deadlineMs,
    maxResponseBytes: options.maxResponseBytes,
  });
  const refresher = oauth ? lazyRefresher(oauth, (request) => transport(request), secrets, logger) : undefined;
  const send = authenticate(transport, { secrets, token, clientId, userAgent: options.userAgent, refresher, deadlineMs });
  const client = createClient<paths>({ baseUrl, fetch: (request: Request) => send(request) });
  // First of all middleware, for raw and resource methods alike: a dot-segment path parameter
  // would move the request to another resource (the URL built so far has it normalised away).
  client.use({
    async onRequest({ schemaPath, params }) {
      for (const [name, value] of Object.entries(params.path ?? {}))
        if (isDotSegment(value)) throw (await import("./internal/path-param-error.js")).pathParamError(name, value, schemaPath);
      return undefined;
    },
  });
  if (options.validate) client.use(options.validate);

  const ctx: ClientContext = {
    client,
    userId: options.userId ?? "self",
    secrets: secrets.list,
    logger,
    fetchFor: (operationId, call) => (request) =>
      send(request, {
        operationId,
        timeoutMs: call?.timeout,
        maxRetries: call?.maxRetries,
        retryNonIdempotent: call?.retry,
        deadlineMs: call?.deadline,
        maxResponseBytes: call?.maxResponseBytes,
      }),
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

/** Loaded on the first refresh: clients using a Personal Access Token never download it. */
function lazyRefresher(
  oauth: OAuthOptions,
  send: (request: Request) => Promise<Response>,
  secrets: SecretSet,
  logger: ReturnType<typeof levelledLogger>,
): TokenRefresher {
  let loaded: TokenRefresher | undefined;
  let loading: Promise<TokenRefresher> | undefined;
  return {
    current: () => loaded?.current(),
    async refresh(stale, call) {
      loading ??= import("./internal/oauth-refresh.js").then((module) => {
        loaded = module.createTokenRefresher(oauth, send, secrets, logger);
        return loaded;
      });
      return (await loading).refresh(stale, call);
    },
  };
}
