import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How one outgoing fax goes through the fake: outbox statuses (one per poll), then fax-record 404s, then its final status. */
export interface Lifecycle {
  outbox: string[];
  /** `getFax` answers 404 this many times after the entry left the outbox. */
  gap?: number;
  /** `undefined`: it never leaves the outbox (the last outbox status repeats). */
  final?: string;
}

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

export interface FakeOutboxOptions {
  lifecycles?: Record<string, Lifecycle>;
  /** Answers request n (1-based, counting every request) instead of the fake, when it returns a status. */
  fail?: (n: number, method: string, path: string) => { status: number; body: unknown } | undefined;
  /** Holds the answer to request n (1-based) this many ms. */
  delay?: (n: number) => number;
}

const MAX_REQUESTS = 500;

/**
 * A loopback Fax.Plus with files and outbox: uploads get `/storage/<n>/<name>` paths, `sendFax`
 * answers `ids` (destination → "out-<n>"), and each fax in `lifecycles` moves one outbox status per
 * poll of it (per `getOutboxFax` of its id, or per `listOutboxFaxes`), then leaves the outbox
 * (404 / not listed), then `getFax` answers 404 `gap` times, then its record with `final`.
 */
export async function startFakeOutbox(options: FakeOutboxOptions = {}) {
  const received: Received[] = [];
  const lifecycles = new Map(Object.entries(options.lifecycles ?? {}));
  const polls = new Map<string, number>();
  const faxGets = new Map<string, number>();
  let uploads = 0;

  const stage = (id: string) => {
    const life = lifecycles.get(id);
    if (!life) return undefined;
    const n = polls.get(id) ?? 0;
    if (n < life.outbox.length || life.final === undefined) return life.outbox[Math.min(n, life.outbox.length - 1)];
    return undefined;
  };
  const outboxRecord = (id: string, status: string) => ({ id, uid: "u1", status, to: ["+12345688"] });

  async function answer(request: IncomingMessage, body: Buffer): Promise<{ status: number; body: unknown }> {
    const path = new URL(request.url ?? "/", "http://x").pathname.replace(/^\/v3/, "");
    const method = request.method ?? "GET";
    const held = options.delay?.(received.length) ?? 0;
    if (held > 0) await new Promise((resolve) => setTimeout(resolve, held));
    const failure = options.fail?.(received.length, method, path);
    if (failure) return failure;
    if (method === "POST" && path === "/accounts/self/files") {
      const form = await new Response(new Uint8Array(body), {
        headers: { "content-type": request.headers["content-type"] ?? "" },
      }).formData();
      const file = form.get("fax_file") as File;
      uploads += 1;
      return { status: 200, body: { path: `/storage/${uploads}/${file.name}` } };
    }
    if (method === "POST" && path === "/accounts/self/outbox") {
      const payload = JSON.parse(body.toString("utf8")) as { to: string[]; return_ids?: boolean };
      const ids = Object.fromEntries(payload.to.map((to, i) => [to, `out-${i + 1}`]));
      return { status: 201, body: payload.return_ids ? { ids } : {} };
    }
    if (method === "GET" && path === "/accounts/self/outbox") {
      const records = [];
      for (const id of lifecycles.keys()) {
        const status = stage(id);
        polls.set(id, (polls.get(id) ?? 0) + 1);
        if (status !== undefined) records.push(outboxRecord(id, status));
      }
      return { status: 200, body: { records } };
    }
    const outbox = /^\/accounts\/self\/outbox\/([^/]+)$/.exec(path);
    if (method === "GET" && outbox) {
      const id = decodeURIComponent(outbox[1] as string);
      const status = stage(id);
      polls.set(id, (polls.get(id) ?? 0) + 1);
      return status === undefined
        ? { status: 404, body: { error: "not_found", description: "no such outbox fax" } }
        : { status: 200, body: outboxRecord(id, status) };
    }
    const fax = /^\/accounts\/self\/faxes\/([^/]+)$/.exec(path);
    if (method === "GET" && fax) {
      const id = decodeURIComponent(fax[1] as string);
      const life = lifecycles.get(id);
      const n = (faxGets.get(id) ?? 0) + 1;
      faxGets.set(id, n);
      if (!life || stage(id) !== undefined || life.final === undefined || n <= (life.gap ?? 0))
        return { status: 404, body: { error: "not_found", description: "no such fax" } };
      return { status: 200, body: { id, owner_id: "u1", pages: 1, comment: "", cost_details: {}, status: life.final } };
    }
    return { status: 404, body: { error: "not_found", description: `no ${method} ${path}` } };
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("error", () => response.destroy());
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const path = new URL(request.url ?? "/", "http://x").pathname.replace(/^\/v3/, "");
      received.push({ method: request.method ?? "GET", path, headers: request.headers, body });
      if (received.length > MAX_REQUESTS) return response.destroy(); // a loop under test ends here
      answer(request, body).then(
        ({ status, body: json }) => {
          response.writeHead(status, { "content-type": "application/json" });
          response.end(JSON.stringify(json));
        },
        () => response.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v3`,
    received,
    count: (method: string, pattern: RegExp) => received.filter((r) => r.method === method && pattern.test(r.path)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
