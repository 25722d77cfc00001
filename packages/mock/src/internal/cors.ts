import { type IncomingMessage, type ServerResponse, validateHeaderValue } from "node:http";

/** Response headers a browser page may read. */
const EXPOSED_HEADERS = "sl-violations, retry-after, content-disposition, content-length, content-type";

/** What a preflight allows when it does not name the headers it wants. */
const DEFAULT_ALLOWED_HEADERS = "authorization, content-type, x-fax-clientid, prefer";

/**
 * Sets the CORS headers of every answer: the page's `Origin` reflected (a test server has no
 * origin to protect), the readable headers exposed and, on `OPTIONS`, what a preflight asks for.
 *
 * @example
 * ```ts
 * addCors(req, res);
 * if (isPreflight(req)) return void res.writeHead(204).end();
 * ```
 */
export function addCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("access-control-allow-origin", safeHeader(req.headers.origin) ?? "*");
  res.setHeader("vary", "Origin");
  res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  if (req.method !== "OPTIONS") return;
  res.setHeader("access-control-allow-methods", "GET, PUT, POST, DELETE, PATCH, OPTIONS");
  res.setHeader("access-control-allow-headers", safeHeader(req.headers["access-control-request-headers"]) ?? DEFAULT_ALLOWED_HEADERS);
  res.setHeader("access-control-max-age", "600");
}

/** A CORS preflight: answered by the server itself, never passed to an engine. */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
}

/** A request header reflected in the answer, when node accepts it as a response header value. */
function safeHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    validateHeaderValue("reflected", value);
    return value;
  } catch {
    return undefined;
  }
}
