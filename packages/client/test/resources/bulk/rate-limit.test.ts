import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createFaxPlusClient, RateLimitError } from "../../../src/index.js";
import { MAX_RATE_LIMITED_SENDS } from "../../../src/resources/bulk-update-all.js";

const id = (n: number) => `fax${String(n).padStart(8, "0")}`;

/**
 * A loopback bulk endpoint that refuses (429, `Retry-After: 0`) any request arriving while
 * `maxInFlight` are already being served, and answers the others with 204 per ID after `holdMs`.
 */
async function busyApi(maxInFlight: number, holdMs: number) {
  let inFlight = 0;
  const counts = { answered: 0, refused: 0, peak: 0 };
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      if (inFlight >= maxInFlight) {
        counts.refused++;
        res.writeHead(429, { "content-type": "application/json", "retry-after": "0" });
        res.end(JSON.stringify({ error: "rate_limited", description: "slow down" }));
        return;
      }
      inFlight++;
      counts.peak = Math.max(counts.peak, inFlight);
      const { ids } = JSON.parse(Buffer.concat(parts).toString("utf8")) as { ids: string[] };
      setTimeout(() => {
        inFlight--;
        counts.answered++;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ results: ids.map((each) => ({ id: each, code: 204 })) }));
      }, holdMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, counts, baseUrl: `http://127.0.0.1:${port}/v3` };
}

let open: Server | undefined;
afterEach(async () => {
  open?.closeAllConnections();
  await new Promise((resolve) => open?.close(resolve) ?? resolve(undefined));
  open = undefined;
});

describe("bulkUpdateAll under a rate limit", () => {
  it("backs off to what the server admits: no ID lost, results in input order, few 429s", async () => {
    const api = await busyApi(2, 5);
    open = api.server;
    // maxRetries 0: every 429 reaches bulkUpdateAll's limiter instead of the transport's retries.
    const fax = createFaxPlusClient({ baseUrl: api.baseUrl, token: "tok_rate_limit_test", maxRetries: 0, logLevel: "off" });
    const input = Array.from({ length: 3_000 }, (_, k) => id(k));

    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: input, is_read: true }, { concurrency: 8 });

    expect(results.map((result) => result.id)).toEqual(input);
    expect(results.every((result) => result.ok && result.code === 204)).toBe(true);
    expect(summary).toMatchObject({ succeeded: 3_000, failed: 0, requests: 30 });
    expect(api.counts.answered).toBe(30);
    // A fixed limit of 8 would see 6 of every 8 sends refused (about 3 per chunk); adapting, it
    // settles around the 2 admitted, probing one above now and then: fewer 429s than chunks.
    expect(api.counts.refused).toBeGreaterThan(0);
    expect(api.counts.refused).toBeLessThan(30);
  });

  it("backs off also when the transport retries the 429s itself (the client's default maxRetries)", async () => {
    const api = await busyApi(2, 5);
    open = api.server;
    const fax = createFaxPlusClient({ baseUrl: api.baseUrl, token: "tok_rate_limit_test", logLevel: "off" });
    const input = Array.from({ length: 3_000 }, (_, k) => id(k));
    const heard: number[] = [];

    const { summary } = await fax.faxes.bulkUpdateAll(
      { ids: input, is_read: true },
      { concurrency: 8, onRetry: (info) => heard.push(info.status ?? 0) },
    );

    expect(summary).toMatchObject({ succeeded: 3_000, failed: 0 });
    expect(api.counts.answered).toBe(30);
    // Each retried 429 halves the limit as a refused chunk does: about 15 refusals here, where
    // the limiter hearing only the chunks the transport gave up on let through 22 to 39.
    expect(api.counts.refused).toBeLessThan(20);
    // The caller's own onRetry still hears every retry.
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((status) => status === 429)).toBe(true);
  });

  it("with maxConcurrency, grows back past the start when the server admits more", async () => {
    const api = await busyApi(6, 5);
    open = api.server;
    const fax = createFaxPlusClient({ baseUrl: api.baseUrl, token: "tok_rate_limit_test", maxRetries: 0, logLevel: "off" });
    const input = Array.from({ length: 4_000 }, (_, k) => id(k));

    const { summary } = await fax.faxes.bulkUpdateAll({ ids: input, is_read: true }, { concurrency: 1, maxConcurrency: 6 });

    expect(summary).toMatchObject({ succeeded: 4_000, failed: 0 });
    expect(api.counts.peak).toBeGreaterThan(1);
  });

  it("fails a chunk's items with the RateLimitError once it has been refused MAX_RATE_LIMITED_SENDS times", async () => {
    const api = await busyApi(0, 0); // refuses everything
    open = api.server;
    const fax = createFaxPlusClient({ baseUrl: api.baseUrl, token: "tok_rate_limit_test", maxRetries: 0, logLevel: "off" });

    const { results, summary } = await fax.faxes.bulkUpdateAll({ ids: [id(1), id(2)], is_read: true }, { concurrency: 1 });

    expect(api.counts.refused).toBe(MAX_RATE_LIMITED_SENDS);
    expect(results.every((result) => result.error instanceof RateLimitError)).toBe(true);
    expect(summary).toMatchObject({ succeeded: 0, failed: 2, byCode: { error: 2 } });
  });

  it.each([0, 2.5, "8"])("refuses maxConcurrency %s below concurrency 4 or not an integer", async (maxConcurrency) => {
    const fax = createFaxPlusClient({ baseUrl: "http://127.0.0.1:9/v3", token: "tok_rate_limit_test", logLevel: "off" });
    await expect(
      fax.faxes.bulkUpdateAll({ ids: [id(1)], is_read: true }, { concurrency: 4, maxConcurrency: maxConcurrency as number }),
    ).rejects.toThrow("faxes.bulkUpdateAll: maxConcurrency must be an integer >= concurrency (4)");
  });
});
