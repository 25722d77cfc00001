import { type AuthOptions, sign } from "./auth.js";
import { checkCredentials } from "./credentials.js";
import type { OAuthOptions, TokenRefresher } from "./oauth-refresh.js";
import type { Transport, TransportOverrides } from "./transport.js";

/**
 * Authentication with a token function (read per request, so it may rotate) or OAuth2
 * refresh: on a 401, one refresh (shared by concurrent calls) and one re-send with the fresh
 * token; a second 401 is returned as is. Loaded on a client's first call: clients with a
 * fixed token never download it.
 *
 * @example
 * ```ts
 * const send = refreshingAuth(transport, { token: async () => vault.read("fax"), secrets, deadlineMs, logger });
 * ```
 */
export function refreshingAuth(transport: Transport, options: AuthOptions): Transport {
  const { secrets } = options;
  const refresher = options.oauth && lazyRefresher(options.oauth, transport, options);

  // Once a refresh has given a token, the configured `token` is older: near expiry, refresh again rather than send it.
  let refreshed = false;
  const refresh = async (stale: string | undefined, overrides?: TransportOverrides) => {
    const token = await (refresher as TokenRefresher).refresh(stale, overrides);
    refreshed = true;
    return token;
  };

  async function currentToken(overrides?: TransportOverrides): Promise<string | undefined> {
    let token = refresher?.current();
    if (token === undefined && options.token !== undefined && !refreshed)
      token = typeof options.token === "function" ? checkCredentials({ token: await options.token() }).token : options.token;
    if (token === undefined && refresher) token = await refresh(undefined, overrides);
    secrets.add(token);
    return token;
  }

  return async (request, call) => {
    // The call's deadline runs from now, and the re-send after a refresh shares it.
    const overrides = { deadlineAt: Date.now() + (call?.deadlineMs ?? options.deadlineMs), ...call };
    const token = await currentToken(overrides);
    if (!refresher) return transport(sign(request, token, options), overrides);
    const spare = request.clone(); // the body again, for the one re-send after a refresh
    const response = await transport(sign(request, token, options), overrides);
    if (response.status !== 401) return response;
    const fresh = await refresh(token, overrides);
    response.body?.cancel().catch(() => undefined);
    return transport(sign(spare, fresh, options), overrides);
  };
}

/** The refresh itself is loaded on its first use: a client whose token stays valid never downloads it. */
function lazyRefresher(oauth: OAuthOptions, transport: Transport, options: AuthOptions): TokenRefresher {
  let loaded: TokenRefresher | undefined;
  let loading: Promise<TokenRefresher> | undefined;
  return {
    current: () => loaded?.current(),
    async refresh(stale, call) {
      loading ??= import("./oauth-refresh.js").then((module) => {
        loaded = module.createTokenRefresher(oauth, (request) => transport(request), options.secrets, options.logger);
        return loaded;
      });
      return (await loading).refresh(stale, call);
    },
  };
}
