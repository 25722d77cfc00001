import { AuthenticationError } from "../errors/AuthenticationError.js";
import type { FaxPlusError } from "../errors/FaxPlusError.js";
import { RedirectError } from "../errors/RedirectError.js";
import { errorFromResponse } from "../internal/error-from-response.js";
import { redactedError } from "../internal/redacted-error.js";
import { PERMANENT_TOKEN_ERRORS } from "../internal/token-error-codes.js";

interface EndpointContext {
  /** Already redacted. */
  url: string;
  secrets: readonly string[];
}

/**
 * A non-2xx answer: a rejected code or client (or a 401) is an {@link AuthenticationError} whose
 * cause is the status error; anything else (`invalid_request`, a 5xx) stays the status error.
 */
export async function tokenEndpointError(response: Response, context: EndpointContext): Promise<FaxPlusError> {
  const cause = await errorFromResponse(response, { method: "POST", url: context.url, secrets: context.secrets });
  const { status } = response;
  if (status !== 401 && !PERMANENT_TOKEN_ERRORS.includes(cause.code as string)) return cause;
  const detail = `${cause.code ? ` ${cause.code}` : ""}${cause.description ? `: ${cause.description}` : ""}`;
  return redactedError(AuthenticationError, `OAuth2 code exchange at ${context.url} failed: ${status}${detail}`, {
    status,
    ...(cause.code === undefined ? {} : { code: cause.code }),
    ...(cause.description === undefined ? {} : { description: cause.description }),
    method: "POST",
    url: context.url,
    headers: response.headers,
    cause,
    secrets: context.secrets,
  });
}

/** The transport's redirect message points at `baseUrl`; here the setting to check is `tokenUrl`. */
export function retitled(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof RedirectError)) return error;
  return redactedError(RedirectError, error.message.replace(/check baseUrl$/, "check tokenUrl"), {
    ...(error.status === undefined ? {} : { status: error.status }),
    method: "POST",
    ...(error.url === undefined ? {} : { url: error.url }),
    headers: error.headers,
    ...(error.location === undefined ? {} : { location: error.location }),
    secrets,
  });
}
