import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the stub received, body read whole. */
export interface StubRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface StubServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/v3`: a client `baseUrl`, production paths as on the mock. */
  url: string;
  /** Every request, in arrival order. */
  requests: StubRequest[];
  close(): Promise<void>;
}

export type StubHandler = (request: StubRequest, response: ServerResponse) => void | Promise<void>;

/** Sends a JSON body with a status. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  response.end(text);
}

/**
 * A loopback HTTP server (node:http on 127.0.0.1, port 0) for what Prism cannot serve
 * faithfully. It records every request; the handler answers. A handler that throws gets a
 * 599 with the error's text, so a broken stub never looks like a real API answer.
 */
export async function startStub(handler: StubHandler): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: StubRequest = {
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", "http://stub.invalid"),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(request);
      Promise.resolve()
        .then(() => handler(request, res))
        .catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(599, { "content-type": "text/plain" });
          res.end(`stub handler failed: ${error instanceof Error ? error.stack : String(error)}`);
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/v3`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
