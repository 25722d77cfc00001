/** Tokens as an app keeps them between runs: plain JSON-safe data. */
export interface StoredToken {
  /** What the client sends as `Authorization: Bearer …`. */
  accessToken: string;
  /** The client refreshes with it; a rotated one is written back. */
  refreshToken?: string;
  /** When the access token expires, in ms since the epoch (from `expires_in` at receipt). */
  expiresAt?: number;
  /** `expires_in` as received, in seconds: the lifetime the refresh margin is a share of. */
  expiresIn?: number;
  /** The scope granted, as received. */
  scope?: string;
  /** The token type, as received (`"Bearer"`). */
  tokenType?: string;
}

/**
 * Where tokens live between calls and runs: memory, a database row, an encrypted file. Give it
 * to the client as `oauth.tokenStore`: it is read before the first request and before each
 * refresh, and written after each refresh. A store that throws (or takes over 10 s) is logged
 * at `warn` and the client goes on without it.
 *
 * @example
 * ```ts
 * const tokenStore: TokenStore = {
 *   get: async () => JSON.parse((await db.get("faxplus-tokens")) ?? "null") ?? undefined,
 *   set: (token) => db.put("faxplus-tokens", JSON.stringify(token)),
 * };
 * const fax = createFaxPlusClient({ oauth: { clientId, clientSecret, tokenStore } });
 * ```
 */
export interface TokenStore {
  /** The stored tokens, or `undefined` when there are none yet. */
  get(): Promise<StoredToken | undefined> | StoredToken | undefined;
  /** Keeps `token`, replacing what was stored. */
  set(token: StoredToken): void | Promise<void>;
}

/**
 * A {@link TokenStore} in memory, for tests and single-process apps. It keeps a copy, so a
 * caller changing the object it passed or got does not change what is stored.
 *
 * @example
 * ```ts
 * const store = memoryTokenStore();
 * await store.set(await exchangeCode({ clientId, clientSecret, code, redirectUri }));
 * ```
 */
export function memoryTokenStore(initial?: StoredToken): TokenStore {
  let token = initial && { ...initial };
  return {
    get: () => token && { ...token },
    set(next) {
      token = { ...next };
    },
  };
}
