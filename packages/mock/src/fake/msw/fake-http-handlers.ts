import { type HttpHandler, HttpResponse, http } from "msw";
import { quoteRequestText } from "../../internal/quote-request-text.js";
import { realTimeWait } from "../../internal/real-time-wait.js";
import type { FakeEngine } from "../fake-types.js";
import { toFakeRequest } from "./to-fake-request.js";
import { apiErrorResponse, toHttpResponse } from "./to-http-response.js";

/**
 * One MSW handler that answers every request under `baseUrl` (any method, the base URL itself
 * included) from `engine`: the request converted and bounded, `delayMs` waited in real time
 * (a network error if the request is aborted meanwhile), `fault: "reset"` a network error
 * (`HttpResponse.error()`), anything that fails a `500` in the API's error shape. Requests
 * elsewhere are left to other handlers and to `onUnhandledRequest`.
 *
 * @example
 * ```ts
 * const server = setupServer(...fakeHttpHandlers(engine, { origin: "https://restapi.fax.plus", basePath: "/v3", maxBodyBytes: 1 << 20 }));
 * ```
 */
export function fakeHttpHandlers(
  engine: Pick<FakeEngine, "answer">,
  options: { origin: string; basePath: string; maxBodyBytes: number },
): HttpHandler[] {
  return [http.all(underBaseUrl(options.origin, options.basePath), ({ request }) => answer(engine, request, options.maxBodyBytes))];
}

async function answer(engine: Pick<FakeEngine, "answer">, request: Request, maxBodyBytes: number): Promise<HttpResponse<BodyInit>> {
  try {
    const converted = await toFakeRequest(request, maxBodyBytes);
    if (!converted.ok) return apiErrorResponse(converted.status, converted.body);
    const response = await engine.answer(converted.request);
    if (!(await realTimeWait(response.delayMs ?? 0, request.signal))) return HttpResponse.error();
    if (response.fault === "reset") return HttpResponse.error();
    return toHttpResponse(response, converted.request.method);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return apiErrorResponse(500, {
      error: "internal_server_error",
      description: `the mock failed on this request: ${quoteRequestText(message)}`,
    });
  }
}

/**
 * The base URL and everything under it, as a RegExp over the request's origin and path. A
 * RegExp without capture groups, so MSW decodes no path parameter (a `%ZZ` would throw there);
 * the handler refuses a bad escape itself.
 */
function underBaseUrl(origin: string, basePath: string): RegExp {
  return new RegExp(`^${escapeRegExp(`${origin}${basePath}`)}(?:/.*)?$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
