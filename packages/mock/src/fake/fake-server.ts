import type { IncomingMessage, ServerResponse } from "node:http";
import { readBoundedBody, refuseBeforeBody } from "../internal/bounded-body.js";
import { addCors, isPreflight } from "../internal/cors.js";
import { type GuardedServer, listenGuarded } from "../internal/guarded-server.js";
import { realTimeWait } from "../internal/real-time-wait.js";
import { singleValued } from "../internal/request-headers.js";
import { checkTargetEncoding } from "../internal/request-target.js";
import type { FakeEngine, FakeRequest } from "./fake-types.js";
import { clientGone } from "./server/client-gone.js";
import { resetConnection } from "./server/reset-connection.js";
import { writeFakeResponse } from "./server/write-fake-response.js";

/** What {@link startFakeServer} serves, and where. */
export interface FakeServerOptions {
  engine: Pick<FakeEngine, "answer">;
  host: string;
  port: number;
  maxBodyBytes: number;
}

/**
 * The HTTP front end of the fake: the same request boundary as the Prism mock's (CORS
 * preflights answered, a target that does not decode refused with `400`, bodies bounded by
 * `maxBodyBytes`, what node cannot parse and any failure answered in the API's error shape),
 * then the engine's answer acted out: `delayMs` waited in real time (given up when the client
 * goes away), `fault: "reset"` a connection dropped without a word.
 *
 * @example
 * ```ts
 * const server = await startFakeServer({ engine, host: "127.0.0.1", port: 0, maxBodyBytes: 1 << 20 });
 * await fetch(`${server.url}/v3/accounts/self`, { headers: { authorization: "Bearer t" } });
 * await server.close();
 * ```
 */
export function startFakeServer(options: FakeServerOptions): Promise<GuardedServer> {
  return listenGuarded(options, (req, res, expectsContinue) => answer(req, res, options, expectsContinue));
}

async function answer(req: IncomingMessage, res: ServerResponse, options: FakeServerOptions, expectsContinue: boolean): Promise<void> {
  addCors(req, res);
  if (isPreflight(req)) {
    res.writeHead(204).end();
    return;
  }
  const target = checkTargetEncoding(req.url ?? "");
  if (!target.ok) return refuseBeforeBody(req, res, 400, { error: "invalid_request", description: target.description });
  const gone = clientGone(res);
  const body = await readBoundedBody(req, res, { maxBodyBytes: options.maxBodyBytes, expectsContinue });
  if (body === undefined) return; // answered with 413, or the client went away
  const request: FakeRequest = {
    method: req.method ?? "GET",
    path: target.path,
    query: target.rawQuery,
    headers: singleValued(req.headers),
    body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
  };
  const response = await options.engine.answer(request);
  if (!(await realTimeWait(response.delayMs ?? 0, gone))) return;
  if (response.fault === "reset") return resetConnection(req.socket);
  writeFakeResponse(res, request.method, response);
}
