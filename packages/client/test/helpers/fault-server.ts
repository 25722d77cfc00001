import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the fault server answers one request; `n` counts the requests to that path so far (1-based). */
export type Fault = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A node:http server on 127.0.0.1 (port 0) whose paths misbehave on purpose. */
export interface FaultServer {
  url: string;
  /** Requests received per path (including ones that were reset or stalled). */
  hits(path: string): number;
  /** Bodies received per path, in order. */
  bodies(path: string): string[];
  /** Requests received on any path. */
  totalHits(): number;
  close(): Promise<void>;
}

export async function startFaultServer(routes: Record<string, Fault>): Promise<FaultServer> {
  const hits = new Map<string, number>();
  const bodies = new Map<string, string[]>();
  const stalled = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      bodies.set(path, [...(bodies.get(path) ?? []), body]);
      const route = routes[path];
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      stalled.add(res);
      res.on("close", () => stalled.delete(res));
      route(req, res, n);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: (path) => hits.get(path) ?? 0,
    bodies: (path) => bodies.get(path) ?? [],
    totalHits: () => [...hits.values()].reduce((sum, n) => sum + n, 0),
    close: async () => {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
