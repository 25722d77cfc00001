import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { echoBulkResults } from "./echo-bulk-results.js";
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
  // The request body is kept (bodies here are small JSON or one upload) so that a bulk answer
  // can name the IDs that were sent; see echoBulkResults.
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const requestBody = Buffer.concat(chunks);
    const headers = { ...req.headers, host: upstream.host };
    const outgoing = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => respond(req, res, answer, requestBody),
    );
    outgoing.on("error", (error) => {
      if (res.headersSent) return res.destroy();
      const body = JSON.stringify({ error: "mock_unavailable", description: `the mock's Prism server failed: ${error.message}` });
      res.writeHead(502, { "content-type": "application/json" }).end(body);
    });
    outgoing.end(requestBody);
  });
}

function respond(req: IncomingMessage, res: ServerResponse, answer: IncomingMessage, requestBody: Buffer): void {
  const status = answer.statusCode ?? 502;
  const violations = parseViolations(answer.headers["sl-violations"] as string | undefined);
  const headers: Record<string, string | string[] | number | undefined> = Object.fromEntries(
    Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
  );
  const send = (body: string) => {
    delete headers["content-length"];
    res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  };
  if (status >= 400 && violations.length > 0) {
    // Replace the spec's static example with the reasons; keep the header for tools that read it.
    answer.resume();
    send(JSON.stringify(violationBody(status, violations)));
    return;
  }
  const isJson = String(answer.headers["content-type"] ?? "").includes("json");
  if (req.method === "PUT" && status >= 200 && status < 300 && isJson && requestBody.length > 0) {
    const parts: Buffer[] = [];
    answer.on("data", (chunk: Buffer) => parts.push(chunk));
    answer.on("end", () => {
      const original = Buffer.concat(parts).toString("utf8");
      send(echoBulkResults(requestBody.toString("utf8"), original) ?? original);
    });
    return;
  }
  res.writeHead(status, headers);
  answer.pipe(res);
}
