import { DEFAULT_TOKEN_URL } from "../internal/oauth-refresh.js";
import { redactUrl } from "../internal/redact.js";
import { SecretSet } from "../internal/secret-set.js";
import { createTransport } from "../internal/transport.js";
import { checkEndpoint, requireText } from "./check-input.js";
import { type OAuthTokens, readTokenAnswer } from "./token-answer.js";
import { retitled, tokenEndpointError } from "./token-endpoint-error.js";

/** A token answer is a few hundred bytes; anything near this is not one. */
export const TOKEN_RESPONSE_LIMIT = 65_536;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Options of {@link exchangeCode}. */
export interface ExchangeCodeOptions {
  /** The app's OAuth2 client id. */
  clientId: string;
  /** The app's OAuth2 client secret: keep it on the server; it never appears in an error. */
  clientSecret: string;
  /** The `code` query parameter of the redirect back (after you compared its `state`). */
  code: string;
  /** The same `redirectUri` the authorization URL carried. */
  redirectUri: string;
  /** Default `https://accounts.fax.plus/token`. */
  tokenUrl?: string;
  /** The `fetch` to send with (default: the global one). */
  fetch?: typeof fetch;
  /** Cancels the exchange. */
  signal?: AbortSignal;
  /** The whole exchange, answer body included, in ms (default 30,000). */
  timeout?: number;
}

function checkTimeout(value: unknown): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof value !== "number" || !(value > 0)) throw new TypeError("OAuth2: timeout must be a number of ms above 0");
  return value;
}

/** As the refresh sends it: `Basic base64(clientId:clientSecret)`. */
function basicAuthorization(clientId: string, clientSecret: string): string {
  try {
    return btoa(`${clientId}:${clientSecret}`);
  } catch {
    throw new TypeError("OAuth2: clientId and clientSecret must be Latin-1 text for Basic authorization (not shown)");
  }
}

/**
 * The authorization code grant's second step (RFC 6749 §4.1.3): trades the `code` the user came
 * back with for tokens. Sent once (a code is good for one try), never redirected, the answer
 * bounded in size and time. Every error is scrubbed of the client secret, the code and the tokens.
 *
 * @example
 * ```ts
 * const tokens = await exchangeCode({ clientId, clientSecret, code, redirectUri });
 * await tokenStore.set(tokens);
 * const fax = createFaxPlusClient({ oauth: { clientId, clientSecret, tokenStore } });
 * ```
 */
export async function exchangeCode(options: ExchangeCodeOptions): Promise<OAuthTokens> {
  const clientId = requireText("clientId", options.clientId, true);
  const clientSecret = requireText("clientSecret", options.clientSecret, true);
  const code = requireText("code", options.code, true);
  const redirectUri = requireText("redirectUri", options.redirectUri, true);
  // Credentials in the URL (user:password@) would be quoted by fetch's errors: they are dropped.
  const url = redactUrl(checkEndpoint("tokenUrl", options.tokenUrl ?? DEFAULT_TOKEN_URL).href);
  const timeoutMs = checkTimeout(options.timeout);
  const basic = basicAuthorization(clientId, clientSecret);
  const secrets = new SecretSet([clientSecret, code, clientId, basic]);

  const request = new Request(url, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri }).toString(),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const send = createTransport({
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    timeoutMs,
    deadlineMs: timeoutMs,
    maxRetries: 0,
    maxResponseBytes: TOKEN_RESPONSE_LIMIT,
    secrets: secrets.list,
  });
  let response: Response;
  try {
    response = await send(request);
  } catch (error) {
    throw retitled(error, secrets.list());
  }
  if (!response.ok) throw await tokenEndpointError(response, { url, secrets: secrets.list() });
  return readTokenAnswer(response, { url, secrets });
}
