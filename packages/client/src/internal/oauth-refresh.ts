import { AuthenticationError, TimeoutError } from "../errors/index.js";
import { checkTokenStore, guardTokenStore, type StoredTokens } from "../oauth/guarded-token-store.js";
import { expiresInSeconds, renewAt } from "../oauth/token-expiry.js";
import type { StoredToken, TokenStore } from "../oauth/token-store.js";
import { errorFromResponse } from "./error-from-response.js";
import type { Logger } from "./logger.js";
import { redactUrl } from "./redact.js";
import { redactedError } from "./redacted-error.js";
import { scrub } from "./scrub.js";
import type { SecretSet } from "./secret-set.js";
import { PERMANENT_TOKEN_ERRORS } from "./token-error-codes.js";
import type { TransportOverrides } from "./transport.js";

/** The spec's `tokenUrl`. */
export const DEFAULT_TOKEN_URL = "https://accounts.fax.plus/token";

interface OAuthClientSettings {
  clientId: string;
  clientSecret: string;
  /** Default `https://accounts.fax.plus/token`. */
  tokenUrl?: string;
  /** Called with the new tokens after each refresh (a throw is logged, not passed on). */
  onRefresh?: (tokens: { accessToken: string; refreshToken: string; expiresIn: number | undefined }) => void;
}

/**
 * OAuth2 refresh settings: the client refreshes its access token shortly before it expires and
 * after a 401 (once, shared by every request that needs it), then sends the request again.
 * `refreshToken` may be left out when `tokenStore` holds one; a refresh token in the store wins,
 * being the newer one after a rotation.
 */
export type OAuthOptions = OAuthClientSettings &
  (
    | { refreshToken: string; tokenStore?: TokenStore }
    | {
        refreshToken?: string;
        /** Read before the first request and before each refresh, written after each refresh. */
        tokenStore: TokenStore;
      }
  );

export interface TokenRefresher {
  /**
   * The access token to send, or undefined when there is none yet or it is within the margin
   * of its expiry (then call `refresh(undefined)`). Throws the remembered failure while it
   * holds calls back, so such a call sends nothing.
   */
  current(): string | undefined;
  /** `stale`: the token the caller saw rejected; if another request already replaced it, no new refresh. */
  refresh(stale: string | undefined, call?: TransportOverrides): Promise<string>;
}

const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
/** Longest delay setTimeout honours; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How a failed attempt holds later calls back: for good, for a backoff, or not at all (nothing was sent). */
type Hold = "permanent" | "backoff" | "none";

interface TokenAnswer {
  accessToken: string;
  refreshToken: string | undefined;
  expiresIn: number | undefined;
  scope: string | undefined;
  tokenType: string | undefined;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * The refresh-token grant (RFC 6749 §6), ahead of expiry and after a 401, with an optional
 * token store. A failure is remembered so a revoked token is not hammered: a permanent one for
 * good (only a new client can fix the settings), a transient one for a backoff that doubles
 * from 1 s to 60 s. While the current access token has not expired yet, calls go on with it.
 */
export function createTokenRefresher(
  oauth: OAuthOptions,
  send: (request: Request) => Promise<Response>,
  secrets: SecretSet,
  logger: Logger,
): TokenRefresher {
  if (oauth.refreshToken === undefined && oauth.tokenStore === undefined)
    throw new TypeError("oauth.refreshToken is required unless oauth.tokenStore is given");
  const store = oauth.tokenStore && guardTokenStore(checkTokenStore(oauth.tokenStore), secrets, logger);
  // Credentials in the URL (user:password@) would be quoted by fetch's errors: they are dropped.
  const tokenUrl = redactUrl(oauth.tokenUrl ?? DEFAULT_TOKEN_URL);
  let refreshToken = oauth.refreshToken;
  let accessToken: string | undefined;
  let expiresAt: number | undefined;
  let dueAt: number | undefined;
  let inflight: Promise<string> | undefined;
  let failure: AuthenticationError | undefined;
  let holdUntil = 0;
  let failures = 0;
  let hold: Hold = "backoff";
  /** The last write to the store failed: what it holds is older than what this client has. */
  let unsaved = false;
  secrets.add(oauth.clientSecret);
  secrets.add(refreshToken);
  secrets.add(oauth.clientId);

  /** Sendable: not past `expiresAt` (and not refused by a 401, see `refresh`). */
  const live = (now: number) => accessToken !== undefined && !(expiresAt !== undefined && now >= expiresAt);
  /** Live and not yet within the margin of its expiry. */
  const fresh = (now: number) => live(now) && !(dueAt !== undefined && now >= dueAt);

  function adopt(token: StoredTokens & { accessToken: string }): string {
    accessToken = token.accessToken;
    expiresAt = token.expiresAt;
    dueAt = renewAt(token);
    secrets.add(accessToken);
    return accessToken;
  }

  const failed = (message: string, extra: ConstructorParameters<typeof AuthenticationError>[1] = {}) =>
    redactedError(AuthenticationError, `OAuth2 token refresh at ${tokenUrl} failed: ${message}`, {
      method: "POST",
      url: tokenUrl,
      ...extra,
      secrets: secrets.list(),
    });

  async function fetchToken(grant: string): Promise<TokenAnswer> {
    const request = new Request(tokenUrl, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`${oauth.clientId}:${oauth.clientSecret}`)}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: grant }).toString(),
    });
    secrets.add(request.headers.get("authorization")?.slice("Basic ".length));
    let response: Response;
    try {
      response = await send(request);
    } catch (error) {
      throw failed(error instanceof Error ? error.message : String(error), { cause: error });
    }
    if (!response.ok) {
      const cause = await errorFromResponse(response, { method: "POST", url: tokenUrl, secrets: secrets.list() });
      if (response.status === 401 || PERMANENT_TOKEN_ERRORS.includes(cause.code as string)) hold = "permanent";
      throw failed(`${response.status}${cause.code ? ` ${cause.code}` : ""}${cause.description ? `: ${cause.description}` : ""}`, {
        status: response.status,
        ...(cause.code === undefined ? {} : { code: cause.code }),
        ...(cause.description === undefined ? {} : { description: cause.description }),
        headers: response.headers,
        cause,
      });
    }
    let body: Record<string, unknown> | undefined;
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw failed("the token endpoint's answer is not JSON", { status: response.status, cause: error });
    }
    secrets.add(body?.access_token);
    secrets.add(body?.refresh_token);
    const fresh = text(body?.access_token);
    if (fresh === undefined) throw failed("the token endpoint's answer has no access_token", { status: response.status });
    // It goes into a header: a line break would be refused there, by an error quoting it.
    if (/[\r\n\0]/.test(fresh))
      throw failed("the token endpoint's access_token contains a line break or NUL character", { status: response.status });
    return {
      accessToken: fresh,
      refreshToken: text(body?.refresh_token),
      expiresIn: expiresInSeconds(body?.expires_in),
      scope: text(body?.scope),
      tokenType: text(body?.token_type),
    };
  }

  /** The store's record, when it has a token this client may use instead of refreshing. */
  async function fromStore(stale: string | undefined): Promise<string | undefined> {
    if (store === undefined || unsaved) return undefined;
    const stored = await store.read();
    if (stored?.refreshToken !== undefined) refreshToken = stored.refreshToken;
    const candidate = stored?.accessToken;
    if (candidate === undefined || candidate === stale) return undefined;
    const previous = { accessToken, expiresAt, dueAt };
    adopt(stored as StoredToken);
    const now = Date.now();
    if (fresh(now)) {
      logger.debug("OAuth2 access token taken from the token store");
      return accessToken;
    }
    // Due but not expired: kept to fall back on should the refresh fail.
    if (!live(now)) ({ accessToken, expiresAt, dueAt } = previous);
    return undefined;
  }

  function notify(answer: TokenAnswer, grant: string): void {
    try {
      oauth.onRefresh?.({ accessToken: answer.accessToken, refreshToken: grant, expiresIn: answer.expiresIn });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(scrub(`OAuth2 onRefresh threw (the new token is used anyway): ${message.slice(0, 200)}`, secrets.list()));
    }
  }

  async function renew(stale: string | undefined): Promise<string> {
    hold = "backoff";
    const stored = await fromStore(stale);
    if (stored !== undefined) return stored;
    if (refreshToken === undefined) {
      // Nothing was sent, and the app may still fill the store (after the user's consent): not held.
      hold = "none";
      throw redactedError(
        AuthenticationError,
        "OAuth2: no refresh token to get an access token with (oauth.refreshToken is not set and oauth.tokenStore holds none)",
        {},
      );
    }
    const answer = await fetchToken(refreshToken);
    if (answer.refreshToken !== undefined) refreshToken = answer.refreshToken;
    const receivedAt = Date.now();
    const token: StoredToken = {
      accessToken: answer.accessToken,
      refreshToken,
      ...(answer.expiresIn === undefined ? {} : { expiresIn: answer.expiresIn, expiresAt: receivedAt + answer.expiresIn * 1000 }),
      ...(answer.scope === undefined ? {} : { scope: answer.scope }),
      ...(answer.tokenType === undefined ? {} : { tokenType: answer.tokenType }),
    };
    adopt(token);
    logger.info("OAuth2 access token refreshed");
    notify(answer, refreshToken);
    if (store) unsaved = !(await store.write(token));
    return token.accessToken;
  }

  function remember(error: unknown): never {
    if (hold === "none") throw error;
    failure = error as AuthenticationError;
    failures++;
    holdUntil =
      hold === "permanent" ? Number.POSITIVE_INFINITY : Date.now() + Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
    const still = live(Date.now()) ? " once the current access token expires," : "";
    if (hold === "permanent")
      logger.warn(`OAuth2 token refresh failed for good;${still} every call fails until the client is created again: ${failure.message}`);
    else if (still)
      logger.warn(`OAuth2 token refresh ahead of expiry failed; calls go on with the current access token: ${failure.message}`);
    throw error;
  }

  function held(): AuthenticationError | undefined {
    return failure !== undefined && Date.now() < holdUntil ? failure : undefined;
  }

  /** The refresh itself goes on for the others when this caller's deadline passes. */
  function withinDeadline(pending: Promise<string>, call: TransportOverrides | undefined): Promise<string> {
    const left = (call?.deadlineAt ?? Number.POSITIVE_INFINITY) - Date.now();
    if (!(left < MAX_TIMER_MS)) return pending;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            redactedError(
              TimeoutError,
              `OAuth2 token refresh at ${tokenUrl} did not finish within the call's deadline of ${call?.deadlineMs} ms`,
              {
                method: "POST",
                url: tokenUrl,
                operationId: call?.operationId,
                timeoutMs: call?.deadlineMs as number,
                secrets: secrets.list(),
              },
            ),
          ),
        left,
      );
    });
    const clear = () => clearTimeout(timer);
    pending.then(clear, clear);
    return Promise.race([pending, expired]);
  }

  return {
    current() {
      const now = Date.now();
      if (fresh(now)) return accessToken;
      const error = held();
      if (error === undefined) return undefined;
      if (live(now)) return accessToken;
      throw error;
    },
    refresh(stale, call) {
      // The API refused this token: never send it again, even before its expiry.
      if (stale !== undefined && stale === accessToken) accessToken = undefined;
      const now = Date.now();
      if (fresh(now)) return Promise.resolve(accessToken as string);
      const error = held();
      if (error) return live(now) ? Promise.resolve(accessToken as string) : Promise.reject(error);
      inflight ??= renew(stale)
        .then((token) => {
          failure = undefined;
          failures = 0;
          return token;
        }, remember)
        .finally(() => {
          inflight = undefined;
        });
      // Ahead of expiry, a failed refresh leaves the call the token that is still good.
      const pending = inflight.catch((error: unknown) => {
        if (live(Date.now())) return accessToken as string;
        throw error;
      });
      return withinDeadline(pending, call);
    },
  };
}
