import type { Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { errorCodeFor, rawApiErrorResponse, sendApiError } from "./api-error.js";
import { quoteRequestText } from "./quote-request-text.js";

/** Statuses for what node's HTTP parser refuses (the rest is a plain 400). */
const STATUS_BY_PARSER_CODE: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
};

const DESCRIPTION_BY_STATUS: Record<number, string> = {
  431: "the request line and headers are larger than the mock accepts (16 KiB, node's maxHeaderSize)",
  408: "the request was not received in time",
  413: "the request's chunk extensions are larger than the mock accepts",
};

/**
 * Answers, in the API's error shape, the requests node's HTTP server never hands to a request
 * handler: ones its parser refuses (oversized headers → 431, malformed request line, header
 * or chunk → 400, too slow → 408), `CONNECT` (405: the mock is no proxy) and an `Expect` other
 * than `100-continue` (417). Without this node answers 431 and 400 with an empty body and
 * drops `CONNECT` without a word.
 */
export function answerUnhandledRequests(server: Server, responseInFlight: (socket: Duplex) => ServerResponse | undefined): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = responseInFlight(socket);
    // A reset peer cannot read an answer; a started answer cannot be replaced.
    if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const status = STATUS_BY_PARSER_CODE[error.code ?? ""] ?? 400;
    const description =
      DESCRIPTION_BY_STATUS[status] ??
      `the request is not valid HTTP/1.1: ${quoteRequestText(`${error.code ?? "error"}: ${error.message}`)}`;
    const head = isHead((error as { rawPacket?: unknown }).rawPacket);
    socket.end(rawApiErrorResponse(status, { error: errorCodeFor(status), description }, { head }));
    lingerThenDestroy(socket);
  });
  server.on("connect", (_req, socket: Duplex) => {
    socket.on("error", () => socket.destroy());
    socket.end(
      rawApiErrorResponse(405, { error: "method_not_allowed", description: "the mock serves the API; it does not tunnel (CONNECT)" }),
    );
    lingerThenDestroy(socket);
  });
  server.on("checkExpectation", (req, res: ServerResponse) => {
    sendApiError(
      res,
      417,
      {
        error: errorCodeFor(417),
        description: `the mock only understands Expect: 100-continue, not ${quoteRequestText(String(req.headers.expect))}`,
      },
      { close: true },
    );
  });
}

/** How long a refused connection is still read (and dropped) after the answer, so closing it does not reset the answer away. */
const LINGER_MS = 1_000;

/**
 * Closes a connection whose peer may still be sending. Destroying it at once would answer the
 * peer's next bytes with a reset, which can wipe the answer from its receive buffer unread.
 */
function lingerThenDestroy(socket: Duplex): void {
  const destroy = () => socket.destroy();
  const timer = setTimeout(destroy, LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  socket.once("end", destroy);
  socket.on("data", () => undefined);
  socket.resume();
}

/** Whether the refused bytes were a `HEAD` request, whose answer must have no body. */
function isHead(rawPacket: unknown): boolean {
  return Buffer.isBuffer(rawPacket) && rawPacket.subarray(0, 5).toString("latin1") === "HEAD ";
}
