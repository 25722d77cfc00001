import { checkCredentials } from "./credentials.js";
import type { TokenRefresher } from "./oauth-refresh.js";
import type { SecretSet } from "./secret-set.js";
import type { Transport, TransportOverrides } from "./transport.js";

/** A Personal Access Token or OAuth2 access token, or a function that returns one (e.g. from a vault). */
export type TokenSource = string | (() => string | Promise<string>);

export interface AuthOptions {
  token?: TokenSource;
  /** Sent as `x-fax-clientid`, which the API requires with OAuth2 tokens. */
  clientId?: string;
  userAgent?: string;
  refresher?: TokenRefresher;
  secrets: SecretSet;
  deadlineMs: number;
}

/**
 * Credentials are set here, below openapi-fetch's middleware, so no middleware or log sees
 * them. A token function is read per request, so it may rotate. With OAuth2 refresh, a 401
 * is sent once more with a fresh token; a second 401 is returned as is.
 */
export function authenticate(transport: Transport, options: AuthOptions): Transport {
  const { refresher, secrets } = options;

  async function currentToken(overrides?: TransportOverrides): Promise<string | undefined> {
    let token = refresher?.current();
    if (token === undefined && options.token !== undefined)
      token = typeof options.token === "function" ? checkCredentials({ token: await options.token() }).token : options.token;
    if (token === undefined && refresher) token = await refresher.refresh(undefined, overrides);
    secrets.add(token);
    return token;
  }

  function sign(request: Request, token: string | undefined): Request {
    if (token !== undefined) request.headers.set("authorization", `Bearer ${token}`);
    if (options.clientId !== undefined) request.headers.set("x-fax-clientid", options.clientId);
    if (options.userAgent !== undefined) request.headers.set("user-agent", options.userAgent);
    return request;
  }

  async function refreshing(request: Request, call?: TransportOverrides): Promise<Response> {
    // The call's deadline runs from now, and the re-send after a refresh shares it.
    const overrides = { deadlineAt: Date.now() + (call?.deadlineMs ?? options.deadlineMs), ...call };
    const token = await currentToken(overrides);
    if (!refresher) return transport(sign(request, token), overrides);
    const spare = request.clone(); // the body again, for the one re-send after a refresh
    const response = await transport(sign(request, token), overrides);
    if (response.status !== 401) return response;
    const fresh = await refresher.refresh(token, overrides);
    response.body?.cancel().catch(() => undefined);
    return transport(sign(spare, fresh), overrides);
  }

  // A fixed token without refresh needs no await: the common case stays one call deep.
  const token = options.token;
  if (refresher || typeof token === "function") return refreshing;
  return (request, call) => transport(sign(request, token), call);
}
