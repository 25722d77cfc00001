import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseViolations, violationBody } from "./violations.js";

/** Response headers a browser page may read (CORS). */
const EXPOSED_HEADERS = "sl-violations, retry-after, content-disposition, content-length, content-type";

/** Hop-by-hop headers that must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

/**
 * The server the mock's users talk to, in front of Prism on loopback. It exists for three
 * things Prism does not do: answer CORS preflights (so a browser page can call the mock),
 * spell out why a request was rejected in the response body (Prism puts the reasons only in
 * the `sl-violations` header and answers with the spec's static example), and keep every
 * socket it accepted so `close()` frees the port at once.
 */
export async function startFrontServer(options: { prismUrl: string; host: string; port: number }): Promise<{
  url: string;
  close(): Promise<void>;
}> {
  const upstream = new URL(options.prismUrl);
  const server: Server = createServer((req, res) => {
    addCors(req, res);
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      res.writeHead(204).end();
      return;
    }
    forward(req, res, upstream);
  });
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

function addCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
  res.setHeader("vary", "Origin");
  res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  if (req.method === "OPTIONS") {
    res.setHeader("access-control-allow-methods", "GET, PUT, POST, DELETE, PATCH, OPTIONS");
    res.setHeader(
      "access-control-allow-headers",
      req.headers["access-control-request-headers"] ?? "authorization, content-type, x-fax-clientid, prefer",
    );
    res.setHeader("access-control-max-age", "600");
  }
}

function forward(req: IncomingMessage, res: ServerResponse, upstream: URL): void {
  const headers = { ...req.headers, host: upstream.host };
  const outgoing = httpRequest(
    { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
    (answer) => {
      const status = answer.statusCode ?? 502;
      const violations = parseViolations(answer.headers["sl-violations"] as string | undefined);
      const responseHeaders = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      if (status >= 400 && violations.length > 0) {
        // Replace the spec's static example with the reasons; keep the header for tools that read it.
        answer.resume();
        const body = JSON.stringify(violationBody(status, violations));
        delete responseHeaders["content-length"];
        res.writeHead(status, { ...responseHeaders, "content-type": "application/json", "content-length": Buffer.byteLength(body) });
        res.end(body);
        return;
      }
      res.writeHead(status, responseHeaders);
      answer.pipe(res);
    },
  );
  outgoing.on("error", (error) => {
    if (res.headersSent) return res.destroy();
    const body = JSON.stringify({ error: "mock_unavailable", description: `the mock's Prism server failed: ${error.message}` });
    res.writeHead(502, { "content-type": "application/json" }).end(body);
  });
  req.pipe(outgoing);
}
