// A stand-in npm registry on loopback. It records every request and answers a package
// metadata GET with the versions a test says are published (404 otherwise); anything else
// (a publish is a PUT) gets 403, so nothing can be published to it even by mistake.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
}

export interface FakeRegistry {
  /** e.g. "http://127.0.0.1:41234/" */
  url: string;
  requests: RecordedRequest[];
  /** package name → versions the registry claims to have. */
  published: Map<string, string[]>;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeRegistry(): Promise<FakeRegistry> {
  const requests: RecordedRequest[] = [];
  const published = new Map<string, string[]>();
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    requests.push({ method: request.method ?? "", url });
    const name = decodeURIComponent(url.slice(1).split("?")[0] ?? "");
    const versions = published.get(name);
    response.setHeader("content-type", "application/json");
    if (request.method !== "GET") {
      response.writeHead(403).end(JSON.stringify({ error: "the fake registry accepts no writes" }));
    } else if (!versions) {
      response.writeHead(404).end(JSON.stringify({ error: "not found" }));
    } else {
      const manifests = versions.map((version) => [version, { name, version, dist: { tarball: `${url}/-/${version}.tgz`, shasum: "0" } }]);
      const latest = versions.at(-1) ?? "";
      response.writeHead(200).end(JSON.stringify({ name, "dist-tags": { latest }, versions: Object.fromEntries(manifests) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    published,
    reset() {
      requests.length = 0;
      published.clear();
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
