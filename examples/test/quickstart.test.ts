import { createServer } from "node:net";
import { type MockServer, startMock } from "@faxkit/mock";
import { specInfo } from "@faxkit/types";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main, minimalPdf, runQuickstart } from "../quickstart.js";

/** True when something can listen on the port again (nothing holds it). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** A fetch that records each request's method and path, then sends it for real. */
function recordingFetch() {
  const calls: { method: string; path: string }[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    calls.push({ method: (init?.method ?? request.method).toUpperCase(), path: new URL(request.url).pathname });
    return fetch(input, init);
  };
  return { calls, fetch: wrapped };
}

const TOKEN = "tok-quickstart-secret-1234567890";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());
afterEach(() => {
  vi.restoreAllMocks();
});

describe("runQuickstart against the mock", () => {
  it("prints every part of the session", async () => {
    const lines: string[] = [];
    const { calls, fetch } = recordingFetch();
    const result = await runQuickstart({
      baseUrl: mock.url,
      token: TOKEN,
      log: (line) => lines.push(line),
      tty: false,
      fetch,
      deliveryTimeout: 1_500,
    });
    const out = lines.join("\n");

    // 1. spec info, 2. account, 3. a page of faxes
    expect(out).toContain(
      `1. Spec: ${specInfo.title} ${specInfo.version} (OpenAPI ${specInfo.openapi}), ${specInfo.operationCount} operations`,
    );
    expect(out).toMatch(/2\. Account: John Smith <sample@fax\.plus>/);
    expect(out).toMatch(/3\. Faxes \(inbox, first page of up to 10\): 1 record\n {3}5e7de3ad54cfd54eb568cc76 /);
    // 4. 250 IDs in 3 chunks, a few progress lines (no \r off a terminal), then the summary by code
    expect(out).toContain("4. Marking 250 faxes read");
    const progress = lines.filter((line) => /^ {3}\[[#.]{30}\] +\d+\/250/.test(line));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(5);
    expect(progress.at(-1)).toContain("250/250");
    expect(out).not.toContain("\r");
    expect(out).toMatch(/250 results in 3 requests: \d+ succeeded, \d+ failed\n {3}by code: /);
    expect(result.bulk).toMatchObject({ total: 250, requests: 3 });
    expect(Object.values(result.bulk?.byCode ?? {}).reduce((a, b) => a + b, 0)).toBe(250);
    // 5. the validation error, caught before anything was sent
    expect(out).toContain("5. Validation: bulkUpdate with 101 IDs rejected before sending (0 requests sent):");
    expect(out).toContain("FaxValidationError: invalid bulkUpdateFaxes request: /body/ids: must have at most 100 items (got 101)");
    expect(out).toContain("/body/ids/100: must be at most 32 characters (got 33)");
    expect(calls.filter((call) => call.method === "PUT")).toHaveLength(3); // the bulk chunks only
    // 6. sendFiles: one upload, one send; then waitForDelivery polls the outbox until its timeout
    expect(out).toMatch(/6\. Sent quickstart\.pdf \(\d+ bytes, uploaded as \/storage\/\S+\.pdf\) from \+12345667 to \+12345688/);
    expect(out).toMatch(/outbox ids: \w+/);
    expect(result.uploadedPath).toMatch(/^\/storage\//);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(
      expect.arrayContaining(["POST /v3/accounts/self/files", "POST /v3/accounts/self/outbox"]),
    );
    // The static mock keeps the entry as its example has it: the wait ends with what it last saw.
    expect(out).toMatch(/no final status within 1500 ms: \w+ outbox submitted, \w+ outbox submitted\n/);
    expect(out).toContain("a static mock keeps every outbox entry where its example is");
    expect(result.delivery).toEqual(["submitted", "submitted"]); // the spec's example sends to two numbers
    const outboxPolls = calls.filter((call) => call.method === "GET" && call.path.startsWith("/v3/accounts/self/outbox/"));
    // One request per id per poll (2 ids), a poll at 0, 0.5, 1.25 s and maybe one at the end.
    expect(outboxPolls.length).toBeGreaterThanOrEqual(4);
    expect(outboxPolls.length).toBeLessThanOrEqual(10);
    expect(out).toMatch(new RegExp(`Done: ${7 + outboxPolls.length} requests sent \\(GET ${2 + outboxPolls.length}, PUT 3, POST 2\\)\\.`));
    // the token is never printed
    expect(out).not.toContain(TOKEN);
  });

  it("redraws the progress bar in place with \\r on a terminal", async () => {
    const lines: string[] = [];
    const chunks: string[] = [];
    await runQuickstart({
      baseUrl: mock.url,
      token: TOKEN,
      log: (line) => lines.push(line),
      write: (chunk) => chunks.push(chunk),
      tty: true,
      deliveryTimeout: 500,
    });
    expect(chunks.length).toBe(4); // one redraw per chunk of 100, then the newline
    expect(chunks.slice(0, 3).every((chunk) => chunk.startsWith("\r   [") && !chunk.includes("\n"))).toBe(true);
    expect(chunks[2]).toContain("250/250");
    expect(chunks[3]).toBe("\n");
    expect(lines.some((line) => /\[[#.]{30}\]/.test(line))).toBe(false);
  });

  it("with readOnly: true makes no write request", async () => {
    const lines: string[] = [];
    const { calls, fetch } = recordingFetch();
    const result = await runQuickstart({ baseUrl: mock.url, token: TOKEN, readOnly: true, log: (line) => lines.push(line), fetch });
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(["GET /v3/accounts/self", "GET /v3/accounts/self/faxes"]);
    expect(result.requests).toEqual({ GET: 2 });
    expect(result.bulk).toBeUndefined();
    const out = lines.join("\n");
    expect(out).toContain("(read-only)");
    expect(out).not.toContain("4. Marking");
    expect(out).toContain("Read-only: nothing was changed. 2 requests sent (GET 2).");
  });
});

describe("main", () => {
  /** Runs main() with its lines captured; reads the port of the mock it started from its header line. */
  async function runMain(env: NodeJS.ProcessEnv, fetchOverride?: typeof fetch) {
    const lines: string[] = [];
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.join(" ")));
    const code = await main(env, { log: (line) => lines.push(line), tty: false, ...(fetchOverride ? { fetch: fetchOverride } : {}) });
    const port = lines[0]?.match(/against the mock at http:\/\/127\.0\.0\.1:(\d+)\/v3/)?.[1];
    return { code, lines, errors, port: port === undefined ? undefined : Number(port) };
  }

  it("without FAXPLUS_TOKEN starts a mock, runs every step, stops it: exit 0, port free", async () => {
    const { code, lines, port } = await runMain({});
    expect(code).toBe(0);
    expect(lines.join("\n")).toContain("6. Sent quickstart.pdf");
    expect(lines.at(-1)).toBe("Mock stopped.");
    expect(port).toBeGreaterThan(0);
    expect(await portIsFree(port as number)).toBe(true);
  });

  it("on a failure prints a clear message, returns 1 and still stops the mock", async () => {
    const failingUpload: typeof fetch = (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method === "POST" && new URL(request.url).pathname.endsWith("/files"))
        return Promise.resolve(
          Response.json({ error: "internal_server_error", description: "An unexpected error happened" }, { status: 500 }),
        );
      return fetch(input, init);
    };
    const { code, lines, errors, port } = await runMain({}, failingUpload);
    expect(code).toBe(1);
    expect(errors.join("\n")).toMatch(/quickstart failed: SendFilesError: .*uploadFile.*500.*Nothing was sent/s);
    expect(lines.at(-1)).toBe("Mock stopped.");
    expect(await portIsFree(port as number)).toBe(true);
  });

  it("with FAXPLUS_TOKEN runs only the read-only steps, starts no mock and never prints the token", async () => {
    const { calls, fetch } = recordingFetch();
    const { code, lines, errors } = await runMain({ FAXPLUS_TOKEN: TOKEN, FAXPLUS_BASE_URL: mock.url }, fetch);
    expect(code).toBe(0);
    expect(errors).toEqual([]);
    const out = lines.join("\n");
    expect(lines[0]).toBe(`faxkit quickstart against ${mock.url} (read-only)`);
    expect(out).not.toContain("Mock stopped.");
    expect(out).not.toContain(TOKEN);
    expect(new Set(calls.map((call) => call.method))).toEqual(new Set(["GET"]));
  });

  it("with a rejected token exits 1 with the API's answer and no token in it", async () => {
    const sentTokens: (string | null)[] = [];
    const unauthorized: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      sentTokens.push(request.headers.get("authorization"));
      request.headers.set("prefer", "code=401"); // the mock answers its documented 401
      return fetch(request);
    };
    const { code, errors } = await runMain({ FAXPLUS_TOKEN: TOKEN, FAXPLUS_BASE_URL: mock.url }, unauthorized);
    expect(code).toBe(1);
    expect(sentTokens).toEqual([`Bearer ${TOKEN}`]); // sent, rejected, not retried
    expect(errors.join("\n")).toMatch(/quickstart failed: AuthenticationError: .*401/);
    expect(errors.join("\n")).not.toContain(TOKEN);
  });
});

describe("minimalPdf", () => {
  it("builds a PDF whose cross-reference table points at each object", () => {
    const bytes = minimalPdf("Hello (world) \\ ü");
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.endsWith("%%EOF\n")).toBe(true);
    expect(bytes.byteLength).toBe(text.length); // ASCII only
    const startxref = Number(text.match(/startxref\n(\d+)\n/)?.[1]);
    expect(text.slice(startxref).startsWith("xref\n0 6\n")).toBe(true);
    const entries = text.slice(startxref).split("\n").slice(2, 8);
    expect(entries[0]).toBe("0000000000 65535 f ");
    entries.slice(1).forEach((entry, index) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/);
      expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${index + 1} 0 obj\n`)).toBe(true);
    });
    const length = Number(text.match(/\/Length (\d+)/)?.[1]);
    const stream = text.match(/stream\n([\s\S]*?)\nendstream/)?.[1];
    expect(stream?.length).toBe(length);
    expect(stream).toContain("(Hello \\(world\\) \\\\ ?) Tj");
  });
});
