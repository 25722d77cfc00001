import type { IncomingMessage, ServerResponse } from "node:http";
import { sendApiError } from "./api-error.js";
import { readBoundedBody, refuseBeforeBody } from "./bounded-body.js";
import { addCors, isPreflight } from "./cors.js";
import { echoBulkResults } from "./echo-bulk-results.js";
import { type GuardedServer, listenGuarded } from "./guarded-server.js";
import { answerPreference } from "./prefer.js";
import type { EngineAnswer, EngineRequest, EngineResult } from "./prism-engine.js";
import { requestBody } from "./request-body.js";
import { singleValued } from "./request-headers.js";
import { checkRequestTarget } from "./request-target.js";
import { writableHeaders } from "./response-headers.js";
import { violationBody, violationsHeader } from "./violations.js";

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
export function startFrontServer(options: FrontServerOptions): Promise<GuardedServer> {
  return listenGuarded(options, (req, res, expectsContinue) => answer(req, res, options, expectsContinue));
}

async function answer(req: IncomingMessage, res: ServerResponse, options: FrontServerOptions, expectsContinue: boolean): Promise<void> {
  addCors(req, res);
  if (isPreflight(req)) {
    res.writeHead(204).end();
    return;
  }
  const checked = checkRequestTarget(req.url ?? "");
  if (!checked.ok) return refuseBeforeBody(req, res, 400, { error: "invalid_request", description: checked.description });
  const preferred = answerPreference(req.headers.prefer, checked.target.query);
  if (!preferred.ok) return refuseBeforeBody(req, res, 422, { error: "invalid_request", description: preferred.description });
  const sent = await readBoundedBody(req, res, { maxBodyBytes: options.maxBodyBytes, expectsContinue });
  if (sent === undefined) return; // answered with 413, or the client went away
  const parsed = requestBody(req.headers, sent);
  if (!parsed.ok) return sendApiError(res, 400, { error: "invalid_request", description: parsed.description });
  const result = await options.engine.answer({
    method: req.method ?? "GET",
    path: checked.target.path,
    query: checked.target.query,
    headers: singleValued(req.headers),
    body: parsed.value,
    preference: preferred.preference,
  });
  if (result.kind === "problem") return sendApiError(res, result.problem.status, result.problem.body, { headers: result.problem.headers });
  respond(req, res, result.answer, sent);
}

/** Prism's answer, with the reasons written into the body of a rejection and bulk results naming the IDs sent. */
function respond(req: IncomingMessage, res: ServerResponse, answer: EngineAnswer, sentBody: Buffer): void {
  const headers = writableHeaders(answer.headers);
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

function isJson(headers: Record<string, string>): boolean {
  return Object.entries(headers).some(([name, value]) => name.toLowerCase() === "content-type" && value.includes("json"));
}
