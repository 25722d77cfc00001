/** The API's `error` codes for the statuses the mock and the fake answer by themselves (one table for both). */
const CODE_BY_STATUS: Record<number, string> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  406: "not_acceptable",
  408: "request_timeout",
  409: "conflict",
  413: "payload_too_large",
  417: "expectation_failed",
  422: "invalid_request",
  429: "too_many_requests",
  431: "request_header_fields_too_large",
  500: "internal_server_error",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout",
};

/**
 * The `error` code for a status answered without an engine, in the API's snake_case style.
 * Free of node modules, so the MSW handlers can use it in a browser.
 *
 * @example
 * ```ts
 * errorCodeFor(413); // "payload_too_large"
 * errorCodeFor(507); // "internal_server_error"
 * ```
 */
export function errorCodeFor(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? "internal_server_error" : "invalid_request");
}
