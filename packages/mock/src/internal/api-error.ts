import { type ServerResponse, STATUS_CODES } from "node:http";

export { errorCodeFor } from "./error-codes.js";

/** The API's error shape (the spec's `Error` schema: two strings, nothing more). */
export interface ApiErrorBody {
  error: string;
  description: string;
}

/** Headers every answer of the mock's own carries. */
function errorHeaders(body: string): Record<string, string | number> {
  return { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
}

/**
 * Answers with the API's error shape. `close` ends the connection after the answer, for
 * requests whose body is left unread (the socket must not be reused mid-body); `keepOpen`
 * writes the whole answer but leaves ending it to the caller (see refuseUnreadBody).
 */
export function sendApiError(
  res: ServerResponse,
  status: number,
  body: ApiErrorBody,
  options: { close?: boolean; keepOpen?: boolean; headers?: Record<string, string> } = {},
): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...options.headers, ...errorHeaders(text), ...(options.close ? { connection: "close" } : {}) });
  if (options.keepOpen) res.write(text);
  else res.end(text);
}

/** A whole HTTP/1.1 answer in the API's error shape, for a socket that has no `ServerResponse` (a request node could not parse). */
export function rawApiErrorResponse(status: number, body: ApiErrorBody, options: { head?: boolean } = {}): string {
  const text = JSON.stringify(body);
  const head = Object.entries({ ...errorHeaders(text), connection: "close" })
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n");
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\n${head}\r\n\r\n${options.head ? "" : text}`;
}
