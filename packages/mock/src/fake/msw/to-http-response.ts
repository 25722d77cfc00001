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

function fetchHeaders(headers: Record<string, string>): Headers {
  const copied = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_COPIED_HEADERS.has(name.toLowerCase())) continue;
    try {
      copied.set(name, value);
    } catch {
      // dropped: one header the Fetch API refuses must not cost the whole answer
    }
  }
  return copied;
}
