import { AuthenticationError } from "../errors/AuthenticationError.js";
import { errorFromResponse } from "./error-from-response.js";
import type { Logger } from "./logger.js";
import { redactUrl } from "./redact.js";
import type { SecretSet } from "./secret-set.js";

/** Default token endpoint of Fax.Plus OAuth2 (the spec's `tokenUrl`). */
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

/** Fetches and shares access tokens. Internal. */
export interface TokenRefresher {
  /** The latest access token, if one was fetched. */
  current(): string | undefined;
  /**
   * A fresh access token. `stale` is the token the caller saw rejected: when another request
   * has already replaced it, that token is returned without a new refresh. Concurrent calls
   * share one refresh.
   */
  refresh(stale: string | undefined): Promise<string>;
}

/**
 * The refresh-token grant (RFC 6749 §6) against `tokenUrl`: client credentials in HTTP Basic
 * auth, `grant_type=refresh_token` in a form body. A rotated refresh token replaces the old
 * one. A failed refresh is an `AuthenticationError` (never retried, never holding a secret).
 */
export function createTokenRefresher(
  oauth: OAuthOptions,
  send: (request: Request) => Promise<Response>,
  secrets: SecretSet,
  logger: Logger,
): TokenRefresher {
  const tokenUrl = oauth.tokenUrl ?? DEFAULT_TOKEN_URL;
  let refreshToken = oauth.refreshToken;
  let accessToken: string | undefined;
  let inflight: Promise<string> | undefined;
  secrets.add(oauth.clientSecret);
  secrets.add(refreshToken);
  secrets.add(oauth.clientId);

  async function fetchToken(): Promise<string> {
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

  return {
    current: () => accessToken,
    refresh(stale) {
      if (accessToken !== undefined && accessToken !== stale) return Promise.resolve(accessToken);
      inflight ??= fetchToken().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
  };
}
