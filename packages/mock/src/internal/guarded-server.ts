import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { sendApiError } from "./api-error.js";
import { quoteRequestText } from "./quote-request-text.js";
import { answerUnhandledRequests } from "./socket-errors.js";

/** Answers one request; `expectsContinue` when it came with `Expect: 100-continue` (the body waits for `writeContinue`). */
export type GuardedHandler = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => Promise<void>;

/** A listening server: its origin and how to stop it. */
export interface GuardedServer {
  /** `http://<host>:<port>`, an IPv6 host in brackets. */
  url: string;
  /** Closes every connection (keep-alive ones too) and frees the port. */
  close(): Promise<void>;
}

/**
 * An HTTP server no request can crash: whatever the handler throws or rejects with is a `500`
 * in the API's error shape for that request; what node's parser refuses, `CONNECT` and an odd
 * `Expect` get the API's shape too; and every accepted socket is closed on `close()`, so the
 * port is free when it resolves. Rejects when it cannot listen (the `EADDRINUSE` error as is).
 *
 * @example
 * ```ts
 * const server = await listenGuarded({ host: "127.0.0.1", port: 0 }, async (_req, res) => void res.end("ok"));
 * await server.close();
 * ```
 */
export async function listenGuarded(options: { host: string; port: number }, handler: GuardedHandler): Promise<GuardedServer> {
  const inFlight = new WeakMap<Duplex, ServerResponse>();
  const handle = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => {
    inFlight.set(req.socket, res);
    res.once("close", () => {
      if (inFlight.get(req.socket) === res) inFlight.delete(req.socket);
    });
    // A synchronous throw is caught too: the handler is called inside the promise chain.
    Promise.resolve()
      .then(() => handler(req, res, expectsContinue))
      .catch((error: unknown) => failed(res, error));
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

function failed(res: ServerResponse, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  sendApiError(res, 500, { error: "internal_server_error", description: `the mock failed on this request: ${quoteRequestText(message)}` });
}
