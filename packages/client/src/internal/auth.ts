import type { Logger } from "./logger.js";
import type { OAuthOptions } from "./oauth-refresh.js";
import type { SecretSet } from "./secret-set.js";
import type { Transport } from "./transport.js";

/** A Personal Access Token or OAuth2 access token, or a function that returns one (e.g. from a vault). */
export type TokenSource = string | (() => string | Promise<string>);

export interface AuthOptions {
  token?: TokenSource;
  /** Sent as `x-fax-clientid`, which the API requires with OAuth2 tokens. */
  clientId?: string;
  userAgent?: string;
  /** OAuth2 refresh settings: a 401 is answered by one refresh and one re-send. */
  oauth?: OAuthOptions;
  secrets: SecretSet;
  deadlineMs: number;
  logger: Logger;
}

/** Sets the credentials on a request the transport is about to send. */
export function sign(request: Request, token: string | undefined, options: AuthOptions): Request {
  if (token !== undefined) request.headers.set("authorization", `Bearer ${token}`);
  if (options.clientId !== undefined) request.headers.set("x-fax-clientid", options.clientId);
  if (options.userAgent !== undefined) request.headers.set("user-agent", options.userAgent);
  return request;
}

/**
 * Credentials are set here, below openapi-fetch's middleware, so no middleware or log sees
 * them. A fixed token is set at once; a token function (read per request, so it may rotate)
 * and OAuth2 refresh (a 401 sent once more with a fresh token) load their code on first use.
 *
 * @example
 * ```ts
 * const send = authenticate(createTransport(), { token: "pat_…", secrets, deadlineMs: 300_000, logger });
 * ```
 */
export function authenticate(transport: Transport, options: AuthOptions): Transport {
  const token = options.token;
  if (!options.oauth && typeof token !== "function") return (request, call) => transport(sign(request, token, options), call);
  let loading: Promise<Transport> | undefined;
  return async (request, call) => {
    loading ??= import("./auth-refreshing.js").then((module) => module.refreshingAuth(transport, options));
    return (await loading)(request, call);
  };
}
