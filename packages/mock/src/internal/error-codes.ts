/** The API's `error` codes for the statuses the mock and the fake answer by themselves. */
const CODE_BY_STATUS: Record<number, string> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  406: "not_acceptable",
  408: "request_timeout",
  413: "payload_too_large",
  417: "expectation_failed",
  422: "invalid_request",
  431: "request_header_fields_too_large",
  500: "internal_server_error",
};

/**
 * The `error` code for a status answered without an engine, in the API's snake_case style.
 * Free of node modules, so the MSW handlers can use it in a browser.
 *
 * @example
 * ```ts
 * errorCodeFor(413); // "payload_too_large"
 * errorCodeFor(502); // "internal_server_error"
 * ```
 */
export function errorCodeFor(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? "internal_server_error" : "invalid_request");
}
