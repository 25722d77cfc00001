import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApiErrorBody, sendApiError } from "./api-error.js";

/** How long, and for how many more bytes, a refused body is read and dropped before the connection is cut. */
const LINGER_MS = 1_000;
const LINGER_BYTES = 64 * 1024 * 1024;

/**
 * Refuses a request whose body is left unread (too large, or refused before it was read) and
 * closes the connection. Closing at once would reset it while the client is still sending,
 * and a reset can wipe the answer from the client's receive buffer before it is read. So the
 * answer goes out whole (its `Content-Length` tells the client it is complete), then the rest
 * of the body is read and dropped for a moment (at most {@link LINGER_MS} and
 * {@link LINGER_BYTES}, nothing is kept), then the connection closes.
 */
export function refuseUnreadBody(req: IncomingMessage, res: ServerResponse, status: number, body: ApiErrorBody): void {
  const end = () => {
    clearTimeout(timer);
    req.off("data", count).off("end", end).off("close", end);
    res.end();
  };
  let dropped = 0;
  const count = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) end();
  };
  const timer = setTimeout(end, LINGER_MS);
  timer.unref();
  sendApiError(res, status, body, { close: true, keepOpen: true });
  req.on("data", count).on("end", end).on("close", end);
  req.resume();
}
