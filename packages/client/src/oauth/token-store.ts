/** Tokens as an app keeps them between runs: plain JSON-safe data. */
export interface StoredToken {
  accessToken: string;
  refreshToken?: string;
  /** When the access token expires, in ms since the epoch (from `expires_in` at receipt). */
  expiresAt?: number;
  scope?: string;
  tokenType?: string;
}

/** Where tokens live between calls and runs: memory, a database row, an encrypted file. */
export interface TokenStore {
  get(): Promise<StoredToken | undefined> | StoredToken | undefined;
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
