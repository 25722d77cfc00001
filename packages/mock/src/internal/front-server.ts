import { createServer, type IncomingMessage, type Server, type ServerResponse, validateHeaderName, validateHeaderValue } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { type ApiErrorBody, errorCodeFor, sendApiError } from "./api-error.js";
import { echoBulkResults } from "./echo-bulk-results.js";
import { answerPreference } from "./prefer.js";
import type { EngineAnswer, EngineRequest, EngineResult } from "./prism-engine.js";
import { quoteRequestText } from "./quote-request-text.js";
import { readBody } from "./read-body.js";
import { refuseUnreadBody } from "./refuse-unread-body.js";
import { requestBody } from "./request-body.js";
import { checkRequestTarget } from "./request-target.js";
import { answerUnhandledRequests } from "./socket-errors.js";
import { violationBody, violationsHeader } from "./violations.js";

/** Response headers a browser page may read (CORS). */
const EXPOSED_HEADERS = "sl-violations, retry-after, content-disposition, content-length, content-type";

/** Hop-by-hop headers that must not be copied from Prism's answer (RFC 9110 §7.6.1), and the length we compute. */
const NOT_COPIED = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "content-length",
]);

export interface FrontServerOptions {
  engine: { answer(request: EngineRequest): Promise<EngineResult> };
  host: string;
  port: number;
  maxBodyBytes: number;
}

/**
 * The HTTP server the mock's users talk to; Prism's engine answers behind it, in this process.
 * It is the request boundary: it answers CORS preflights, refuses what Prism must never see
 * (a target that does not decode, a body over `maxBodyBytes`, JSON that does not parse) and
 * what node cannot parse, all in the API's `{ error, description }` shape; it spells out why
 * a request was rejected (Prism only lists the reasons in the `sl-violations` header); and it
 * keeps every socket it accepted so `close()` frees the port at once. No request can make it
 * throw: whatever fails while answering one request becomes a 500 for that request.
 */
export async function startFrontServer(options: FrontServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const inFlight = new WeakMap<Duplex, ServerResponse>();
  const handle = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => {
    inFlight.set(req.socket, res);
    res.once("close", () => {
      if (inFlight.get(req.socket) === res) inFlight.delete(req.socket);
    });
    answer(req, res, options, expectsContinue).catch((error: unknown) => failed(res, error));
  };
  const server: Server = createServer((req, res) => handle(req, res, false));
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => handle(req, res, true));
  answerUnhandledRequests(server, (socket) => inFlight.get(socket));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, options: FrontServerOptions, expectsContinue: boolean): Promise<void> {
  addCors(req, res);
  if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
    res.writeHead(204).end();
    return;
  }
  const checked = checkRequestTarget(req.url ?? "");
  if (!checked.ok) return refuseBeforeBody(req, res, 400, { error: "invalid_request", description: checked.description });
  const preferred = answerPreference(req.headers.prefer, checked.target.query);
  if (!preferred.ok) return refuseBeforeBody(req, res, 422, { error: "invalid_request", description: preferred.description });
  if (expectsContinue && !declaresTooMuch(req, options.maxBodyBytes)) res.writeContinue();
  const read = await readBody(req, options.maxBodyBytes);
  if (!read.ok && read.reason === "aborted") return; // the client went away; there is no one to answer
  if (!read.ok)
    return refuseUnreadBody(req, res, 413, { error: errorCodeFor(413), description: tooLarge(options.maxBodyBytes, read.declared) });
  const parsed = requestBody(req.headers, read.body);
  if (!parsed.ok) return sendApiError(res, 400, { error: "invalid_request", description: parsed.description });
  const result = await options.engine.answer({
    method: req.method ?? "GET",
    path: checked.target.path,
    query: checked.target.query,
    headers: singleValued(req),
    body: parsed.value,
    preference: preferred.preference,
  });
  if (result.kind === "problem") return sendApiError(res, result.problem.status, result.problem.body, { headers: result.problem.headers });
  respond(req, res, result.answer, read.body);
}

/** Prism's answer, with the reasons written into the body of a rejection and bulk results naming the IDs sent. */
function respond(req: IncomingMessage, res: ServerResponse, answer: EngineAnswer, sentBody: Buffer): void {
  const headers = copiedHeaders(answer.headers);
  if (answer.violations.length > 0) headers["sl-violations"] = violationsHeader(answer.violations);
  let body = answer.body;
  if (answer.status >= 400 && answer.violations.length > 0) {
    // Replace the spec's static example with the reasons; the header stays for tools that read it.
    body = JSON.stringify(violationBody(answer.status, answer.violations));
    headers["content-type"] = "application/json";
  } else if (req.method === "PUT" && answer.status >= 200 && answer.status < 300 && isJson(headers) && sentBody.length > 0 && body) {
    body = echoBulkResults(sentBody.toString("utf8"), body) ?? body;
  }
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === "content-type"))
    headers["content-type"] = "text/plain; charset=utf-8";
  res.writeHead(answer.status, { ...headers, "content-length": Buffer.byteLength(body ?? "") });
  res.end(body);
}

/** The answer's headers minus hop-by-hop ones and any a spec could make invalid (a generated value with a newline). */
function copiedHeaders(headers: Record<string, string>): Record<string, string> {
  const copied: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_COPIED.has(name.toLowerCase())) continue;
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
      copied[name] = value;
    } catch {
      // dropped: node would throw on it, and one bad header must not cost the whole answer
    }
  }
  return copied;
}

function failed(res: ServerResponse, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  sendApiError(res, 500, { error: "internal_server_error", description: `the mock failed on this request: ${quoteRequestText(message)}` });
}

function addCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("access-control-allow-origin", safeHeader(req.headers.origin) ?? "*");
  res.setHeader("vary", "Origin");
  res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  if (req.method === "OPTIONS") {
    res.setHeader("access-control-allow-methods", "GET, PUT, POST, DELETE, PATCH, OPTIONS");
    res.setHeader(
      "access-control-allow-headers",
      safeHeader(req.headers["access-control-request-headers"]) ?? "authorization, content-type, x-fax-clientid, prefer",
    );
    res.setHeader("access-control-max-age", "600");
  }
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

/** An answer sent before the body was read closes the connection, so the unread body is never parsed as the next request. */
function refuseBeforeBody(req: IncomingMessage, res: ServerResponse, status: number, body: ApiErrorBody): void {
  if (hasBody(req)) refuseUnreadBody(req, res, status, body);
  else sendApiError(res, status, body);
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || (req.headers["content-length"] ?? "0") !== "0";
}

function declaresTooMuch(req: IncomingMessage, maxBodyBytes: number): boolean {
  return Number(req.headers["content-length"] ?? 0) > maxBodyBytes;
}

function tooLarge(maxBodyBytes: number, declared: number | undefined): string {
  const sent = declared !== undefined && Number.isFinite(declared) ? `this one declares ${declared} bytes` : "this one has more";
  return `the mock accepts request bodies of at most ${maxBodyBytes} bytes (maxBodyBytes); ${sent}`;
}

/** Node's headers with the few list-valued ones (`set-cookie`) joined, as Prism takes them. */
function singleValued(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]),
  );
}

function isJson(headers: Record<string, string>): boolean {
  return Object.entries(headers).some(([name, value]) => name.toLowerCase() === "content-type" && value.includes("json"));
}
