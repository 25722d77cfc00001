import { HttpResponse } from "msw";
import type { ApiErrorBody } from "../../internal/api-error.js";
import { carriesBody } from "../../internal/carries-body.js";
import { NOT_COPIED_HEADERS } from "../../internal/hop-by-hop.js";
import type { FakeResponse } from "../fake-types.js";

/**
 * The engine's answer as MSW's `HttpResponse`: its status, its headers (minus hop-by-hop ones
 * and any the Fetch API refuses), its body; none for a `HEAD` request or a status that may not
 * carry one. A status a `Response` cannot have (outside 200–599) throws, which the handler
 * answers as a 500.
 *
 * @example
 * ```ts
 * toHttpResponse({ status: 200, headers: { "content-type": "application/json" }, body: "{}" }, "GET");
 * ```
 */
export function toHttpResponse(response: FakeResponse, method: string): HttpResponse<BodyInit> {
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599)
    throw new RangeError(`the fake answered with status ${String(response.status)}, which a fetch Response cannot carry (200–599)`);
  const withBody = carriesBody(response.status) && method !== "HEAD" && response.body !== undefined;
  return new HttpResponse(withBody ? (response.body as BodyInit) : null, {
    status: response.status,
    headers: fetchHeaders(response.headers),
  });
}

/**
 * An error in the API's `{ error, description }` shape, for what the handlers refuse themselves.
 *
 * @example
 * ```ts
 * apiErrorResponse(413, { error: "payload_too_large", description: "…" });
 * ```
 */
export function apiErrorResponse(status: number, body: ApiErrorBody): HttpResponse<BodyInit> {
  return new HttpResponse(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** A header name: an RFC 9110 token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A header value the Fetch API takes: bytes (code points up to U+00FF) without NUL, CR or LF. */
const FIELD_VALUE = /^[^\0\r\n\u0100-\uffff]*$/;

/**
 * The headers checked here rather than by `Headers.set` throwing: MSW's interceptor wraps the
 * `Headers` class and keeps a refused value in its own record, which fails the response later.
 */
function fetchHeaders(headers: Record<string, string>): Record<string, string> {
  const copied: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_COPIED_HEADERS.has(name.toLowerCase())) continue;
    // Dropped when invalid: one bad header must not cost the whole answer.
    if (TOKEN.test(name) && typeof value === "string" && FIELD_VALUE.test(value)) copied[name.toLowerCase()] = value;
  }
  return copied;
}
