import { AuthenticationError, TimeoutError } from "../errors/index.js";
import { errorFromResponse } from "./error-from-response.js";
import type { Logger } from "./logger.js";
import { redactUrl } from "./redact.js";
import type { SecretSet } from "./secret-set.js";
import { PERMANENT_TOKEN_ERRORS } from "./token-error-codes.js";
import type { TransportOverrides } from "./transport.js";

/** The spec's `tokenUrl`. */
export const DEFAULT_TOKEN_URL = "https://accounts.fax.plus/token";

/**
 * OAuth2 refresh settings: with them, a 401 makes the client fetch a new access token once
 * (one refresh shared by every request that got the 401) and send the request again.
 */
export interface OAuthOptions {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Default `https://accounts.fax.plus/token`. */
  tokenUrl?: string;
  /** Called with the new tokens after each refresh, e.g. to store a rotated refresh token. */
  onRefresh?: (tokens: { accessToken: string; refreshToken: string; expiresIn: number | undefined }) => void;
}

export interface TokenRefresher {
  /** Throws the remembered failure while it holds calls back, so such a call sends nothing. */
  current(): string | undefined;
  /** `stale`: the token the caller saw rejected; if another request already replaced it, no new refresh. */
  refresh(stale: string | undefined, call?: TransportOverrides): Promise<string>;
}

const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
/** Longest delay setTimeout honours; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The refresh-token grant (RFC 6749 §6). A failure is remembered so a revoked token is not
 * hammered: a permanent one for good (only a new client can fix the settings), a transient
 * one for a backoff that doubles from 1 s to 60 s.
 */
export function createTokenRefresher(
  oauth: OAuthOptions,
  send: (request: Request) => Promise<Response>,
  secrets: SecretSet,
  logger: Logger,
): TokenRefresher {
  // Credentials in the URL (user:password@) would be quoted by fetch's errors: they are dropped.
  const tokenUrl = redactUrl(oauth.tokenUrl ?? DEFAULT_TOKEN_URL);
  let refreshToken = oauth.refreshToken;
  let accessToken: string | undefined;
  let inflight: Promise<string> | undefined;
  let failure: AuthenticationError | undefined;
  let holdUntil = 0;
  let failures = 0;
  secrets.add(oauth.clientSecret);
  secrets.add(refreshToken);
  secrets.add(oauth.clientId);

  let permanent = false;

  async function fetchToken(): Promise<string> {
    permanent = false;
    const request = new Request(tokenUrl, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`${oauth.clientId}:${oauth.clientSecret}`)}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }).toString(),
    });
    secrets.add(request.headers.get("authorization")?.slice("Basic ".length));
    const failed = (message: string, extra: ConstructorParameters<typeof AuthenticationError>[1] = {}) =>
      new AuthenticationError(`OAuth2 token refresh at ${redactUrl(tokenUrl)} failed: ${message}`, {
        method: "POST",
        url: tokenUrl,
        ...extra,
        secrets: secrets.list(),
      });
    let response: Response;
    try {
      response = await send(request);
    } catch (error) {
      throw failed(error instanceof Error ? error.message : String(error), { cause: error });
    }
    if (!response.ok) {
      const cause = await errorFromResponse(response, { method: "POST", url: tokenUrl, secrets: secrets.list() });
      permanent = response.status === 401 || PERMANENT_TOKEN_ERRORS.includes(cause.code as string);
      throw failed(`${response.status}${cause.code ? ` ${cause.code}` : ""}${cause.description ? `: ${cause.description}` : ""}`, {
        status: response.status,
        ...(cause.code === undefined ? {} : { code: cause.code }),
        ...(cause.description === undefined ? {} : { description: cause.description }),
        headers: response.headers,
        cause,
      });
    }
    let body: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw failed("the token endpoint's answer is not JSON", { status: response.status, cause: error });
    }
    if (typeof body?.access_token !== "string" || body.access_token === "")
      throw failed("the token endpoint's answer has no access_token", { status: response.status });
    // It goes into a header: a line break would be refused there, by an error quoting it.
    if (/[\r\n\0]/.test(body.access_token))
      throw failed("the token endpoint's access_token contains a line break or NUL character", { status: response.status });
    accessToken = body.access_token;
    secrets.add(accessToken);
    if (typeof body.refresh_token === "string" && body.refresh_token !== "") {
      refreshToken = body.refresh_token;
      secrets.add(refreshToken);
    }
    logger.info("OAuth2 access token refreshed");
    oauth.onRefresh?.({
      accessToken,
      refreshToken,
      expiresIn: typeof body.expires_in === "number" ? body.expires_in : undefined,
    });
    return accessToken;
  }

  function remember(error: unknown): never {
    failure = error as AuthenticationError;
    failures++;
    holdUntil = permanent ? Number.POSITIVE_INFINITY : Date.now() + Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
    if (permanent)
      logger.warn(`OAuth2 token refresh failed for good; every call fails until the client is created again: ${failure.message}`);
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
            new TimeoutError(
              `OAuth2 token refresh at ${redactUrl(tokenUrl)} did not finish within the call's deadline of ${call?.deadlineMs} ms`,
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
      const error = held();
      if (error) throw error;
      return accessToken;
    },
    refresh(stale, call) {
      if (accessToken !== undefined && accessToken !== stale) return Promise.resolve(accessToken);
      const error = held();
      if (error) return Promise.reject(error);
      inflight ??= fetchToken()
        .then((token) => {
          failure = undefined;
          failures = 0;
          return token;
        }, remember)
        .finally(() => {
          inflight = undefined;
        });
      return withinDeadline(inflight, call);
    },
  };
}
