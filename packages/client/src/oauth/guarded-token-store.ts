import type { Logger } from "../internal/logger.js";
import { scrub } from "../internal/scrub.js";
import type { SecretSet } from "../internal/secret-set.js";
import { expiresInSeconds } from "./token-expiry.js";
import type { StoredToken, TokenStore } from "./token-store.js";

/** A store that has not answered by then is treated as failed, so a hung one cannot stall every refresh. */
export const STORE_TIMEOUT_MS = 10_000;
/** Longest part of a store's own error message that is logged. */
const MESSAGE_LIMIT = 200;
const UNSENDABLE = /[\r\n\0]/;

/** What the client takes from a stored record: either token may be missing or unusable. */
export type StoredTokens = Partial<StoredToken>;

/** The app's {@link TokenStore} as the refresher uses it: never throws, never hangs, logs at `warn`. */
export interface GuardedTokenStore {
  read(): Promise<StoredTokens | undefined>;
  /** False when the store failed (already logged). */
  write(token: StoredToken): Promise<boolean>;
}

/** Throws a TypeError naming the option when `store` cannot be a {@link TokenStore}. */
export function checkTokenStore(store: unknown): TokenStore {
  const { get, set } = (store ?? {}) as Partial<TokenStore>;
  if (typeof get !== "function" || typeof set !== "function")
    throw new TypeError("oauth.tokenStore must have get() and set() methods (a TokenStore)");
  return store as TokenStore;
}

function bounded<T>(work: () => T | Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not settle within ${STORE_TIMEOUT_MS} ms`)), STORE_TIMEOUT_MS);
  });
  // then(), so a store that throws synchronously is caught too.
  return Promise.race([Promise.resolve().then(work), late]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  try {
    return (error instanceof Error ? error.message : String(error)).slice(0, MESSAGE_LIMIT);
  } catch {
    return "(unprintable)";
  }
}

/** A token as it can be sent: a non-empty string without CR, LF or NUL (fetch would quote it in its error), trimmed. */
function sendable(value: unknown): string | undefined {
  if (typeof value !== "string" || UNSENDABLE.test(value)) return undefined;
  const text = value.trim();
  return text === "" ? undefined : text;
}

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Every string of the record is registered as a secret before anything could log it; a
 * token that cannot be sent is dropped (and named, never quoted).
 */
function parseRecord(value: unknown, secrets: SecretSet, warn: (problem: string) => void): StoredTokens | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    warn("get() returned something that is not a token record; it is ignored");
    return undefined;
  }
  const record = value as Record<string, unknown>;
  secrets.add(record.accessToken);
  secrets.add(record.refreshToken);
  const tokens: StoredTokens = {};
  for (const name of ["accessToken", "refreshToken"] as const) {
    const token = sendable(record[name]);
    if (token !== undefined) tokens[name] = token;
    else if (record[name] !== undefined) warn(`the stored ${name} is not a non-empty string without line breaks; it is ignored`);
  }
  const expiresAt = finite(record.expiresAt);
  const expiresIn = expiresInSeconds(record.expiresIn);
  if (expiresAt !== undefined) tokens.expiresAt = expiresAt;
  if (expiresIn !== undefined) tokens.expiresIn = expiresIn;
  return tokens;
}

/** Wraps the app's store; failures are logged (scrubbed of every known secret) and reported, not thrown. */
export function guardTokenStore(store: TokenStore, secrets: SecretSet, logger: Logger): GuardedTokenStore {
  const warn = (problem: string) => logger.warn(scrub(`OAuth2 token store: ${problem}`, secrets.list()));
  return {
    async read() {
      let value: unknown;
      try {
        value = await bounded(() => store.get());
      } catch (error) {
        warn(`get() failed, so the client refreshes with the refresh token it has: ${messageOf(error)}`);
        return undefined;
      }
      return parseRecord(value, secrets, warn);
    },
    async write(token) {
      try {
        await bounded(() => store.set({ ...token }));
        return true;
      } catch (error) {
        warn(`set() failed, so the new tokens live in this client only (calls go on with them): ${messageOf(error)}`);
        return false;
      }
    },
  };
}
