import type { paths } from "@faxkit/types";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { authMiddleware, type TokenSource } from "./internal/auth.js";
import { createTransport, type TransportOptions } from "./internal/transport.js";

/** Production base URL of the Fax.Plus REST API v3. */
export const DEFAULT_BASE_URL = "https://restapi.fax.plus/v3";

/** Options of {@link createFaxPlusClient}. */
export interface FaxPlusClientOptions {
  /** Default `https://restapi.fax.plus/v3`. */
  baseUrl?: string;
  /** Personal Access Token or OAuth2 access token, or a (sync or async) function returning one. */
  token?: TokenSource;
  /** OAuth2 client id, sent as `x-fax-clientid`. */
  clientId?: string;
  /** The fetch that really sends (default: the global one). */
  fetch?: typeof fetch;
  /** Timeout of each attempt, in ms. Default 60,000. */
  timeout?: number;
  /** Retries after the first attempt (idempotent methods only). Default 2. */
  maxRetries?: number;
  /** Called before each retry; the URL in it is redacted. */
  onRetry?: TransportOptions["onRetry"];
  /** Middleware to validate requests and responses, e.g. `validationMiddleware()` from `@faxkit/validator`. Off by default. */
  validate?: Middleware;
  /** `User-Agent` to send (ignored by browsers, which set their own). */
  userAgent?: string;
}

/** The client: openapi-fetch's path-typed methods over the retrying, timing-out transport. */
export type FaxPlusClient = Pick<Client<paths>, "GET" | "PUT" | "POST" | "DELETE" | "use" | "eject">;

/**
 * Creates a Fax.Plus client. The raw methods are openapi-fetch's, unchanged in behaviour
 * (`{ data, error, response }`), with authentication, per-attempt timeouts and retries
 * underneath.
 *
 * @example
 * ```ts
 * const fax = createFaxPlusClient({ token: process.env.FAXPLUS_TOKEN });
 * const { data, error } = await fax.GET("/accounts/{user_id}", { params: { path: { user_id: "self" } } });
 * ```
 */
export function createFaxPlusClient(options: FaxPlusClientOptions = {}): FaxPlusClient {
  const transport = createTransport({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeout !== undefined ? { timeoutMs: options.timeout } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? DEFAULT_BASE_URL, fetch: transport });
  client.use(
    authMiddleware({
      ...(options.token !== undefined ? { token: options.token } : {}),
      ...(options.clientId !== undefined ? { clientId: options.clientId } : {}),
      ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
    }),
  );
  if (options.validate) client.use(options.validate);
  return { GET: client.GET, PUT: client.PUT, POST: client.POST, DELETE: client.DELETE, use: client.use, eject: client.eject };
}
