import { ResponseParseError } from "../errors/ResponseParseError.js";
import { redactedError } from "../internal/redacted-error.js";
import type { SecretSet } from "../internal/secret-set.js";
import { expiresInSeconds } from "./token-expiry.js";
import type { StoredToken } from "./token-store.js";

/** What {@link exchangeCode} resolves with: the token endpoint's answer, in camelCase. */
export interface OAuthTokens extends StoredToken {
  /** `token_type`, `"Bearer"` when the answer names none. */
  tokenType: string;
}

interface AnswerContext {
  /** Already redacted. */
  url: string;
  secrets: SecretSet;
}

const UNSENDABLE = /[\r\n\0]/;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * A 2xx answer into tokens (RFC 6749 §5.1). Its body is never kept on an error: it exists to
 * carry tokens, and one that is not JSON cannot be told apart from them to be scrubbed. For the
 * same reason the JSON parser's error (which quotes the body) is not the cause.
 */
export async function readTokenAnswer(response: Response, context: AnswerContext): Promise<OAuthTokens> {
  const raw = await response.text(); // bounded and timed by the transport's body guard
  const { status } = response;
  const fail = (problem: string) =>
    redactedError(ResponseParseError, `OAuth2 code exchange at ${context.url}: the token endpoint answered ${status} with ${problem}`, {
      status,
      method: "POST",
      url: context.url,
      headers: response.headers,
      secrets: context.secrets.list(),
    });
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw fail(`a body that is not JSON (${raw.length} characters, not shown)`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw fail("JSON that is not an object");
  const answer = body as Record<string, unknown>;
  context.secrets.add(answer.access_token);
  context.secrets.add(answer.refresh_token);
  const accessToken = text(answer.access_token);
  if (accessToken === undefined) throw fail("no access_token");
  // It goes into an Authorization header, where fetch would refuse it with an error quoting it.
  if (UNSENDABLE.test(accessToken)) throw fail("an access_token that contains a line break or NUL");
  const refreshToken = text(answer.refresh_token);
  if (refreshToken !== undefined && UNSENDABLE.test(refreshToken)) throw fail("a refresh_token that contains a line break or NUL");
  const expiresIn = expiresInSeconds(answer.expires_in);
  const scope = text(answer.scope);
  return {
    accessToken,
    tokenType: text(answer.token_type) ?? "Bearer",
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(expiresIn === undefined ? {} : { expiresIn, expiresAt: Date.now() + expiresIn * 1000 }),
    ...(scope === undefined ? {} : { scope }),
  };
}
