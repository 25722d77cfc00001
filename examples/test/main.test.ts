import { type MockServer, startMock } from "@faxkit/mock";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main, parseArgs } from "../quickstart.js";
import { portIsFree, recordingFetch, TOKEN } from "./support/recording.js";

// A Prism mock standing in for "the real API" of the read-only runs.
let api: MockServer;
beforeAll(async () => {
  api = await startMock();
});
afterAll(() => api?.stop());
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs main() with its lines and errors captured; reads the port it served on from its header line. */
async function runMain(env: NodeJS.ProcessEnv, args: string[] = [], fetchOverride?: typeof fetch) {
  const lines: string[] = [];
  const errors: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void errors.push(parts.join(" ")));
  const overrides = { log: (line: string) => void lines.push(line), tty: false, ...(fetchOverride ? { fetch: fetchOverride } : {}) };
  const code = await main(env, overrides, args);
  const port = lines[0]?.match(/ at http:\/\/127\.0\.0\.1:(\d+)\/v3/)?.[1];
  return { code, lines, errors, port: port === undefined ? undefined : Number(port) };
}

/** An upload the server answers 500, whatever it is pointed at. */
const failingUpload: typeof fetch = (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  if (request.method === "POST" && new URL(request.url).pathname.endsWith("/files"))
    return Promise.resolve(Response.json({ error: "internal_server_error", description: "An unexpected error happened" }, { status: 500 }));
  return fetch(input, init);
};

describe("main (what `pnpm start` runs)", () => {
  it("by default starts the stateful fake, runs every step, stops it: exit 0, port free", async () => {
    const { code, lines, port, errors } = await runMain({});
    expect(code).toBe(0);
    expect(errors).toEqual([]);
    expect(lines[0]).toMatch(/^faxkit quickstart against the stateful fake at http:\/\/127\.0\.0\.1:\d+\/v3$/);
    const text = lines.join("\n");
    expect(text).toContain("by code: 204 (marked) × 250");
    expect(text).toContain("   read back: 10 of 10 faxes on the first inbox page are read");
    expect(text).toContain("   fake clock +3.00 s: (left the outbox)");
    expect(text).toMatch(/ {3}delivered\? (\w+): success\n8\. Marked \1 read; read back: \1 is read/);
    expect(text).not.toContain("keeps no state");
    expect(lines.at(-1)).toBe("Fake stopped.");
    expect(port).toBeGreaterThan(0);
    expect(await portIsFree(port as number)).toBe(true);
  });

  it("with --prism starts the Prism mock instead, runs every step, stops it: exit 0, port free", async () => {
    const { code, lines, port } = await runMain({}, ["--prism"]);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^faxkit quickstart against the Prism mock at http:\/\/127\.0\.0\.1:\d+\/v3$/);
    const text = lines.join("\n");
    expect(text).toContain("2. Account: John Smith <sample@fax.plus>");
    expect(text).toContain("8. Marked ");
    expect(text).not.toContain("fake clock");
    expect(lines.at(-1)).toBe("Mock stopped.");
    expect(await portIsFree(port as number)).toBe(true);
  });

  it("takes --prism after pnpm's `--` too", async () => {
    expect(parseArgs(["--", "--prism"])).toEqual({ prism: true });
    expect(parseArgs(["--prism"])).toEqual({ prism: true });
    expect(parseArgs([])).toEqual({ prism: false });
  });

  it("refuses an unknown argument with the usage: exit 2, nothing started", async () => {
    const { code, lines, errors } = await runMain({}, ["--stateful"]);
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(errors.join("\n")).toContain('unknown argument "--stateful"');
    expect(errors.join("\n")).toContain("usage: quickstart [--prism]");
  });

  it("refuses --prism together with FAXPLUS_TOKEN: exit 2, no request", async () => {
    const { calls, fetch } = recordingFetch();
    const { code, errors } = await runMain({ FAXPLUS_TOKEN: TOKEN, FAXPLUS_BASE_URL: api.url }, ["--prism"], fetch);
    expect(code).toBe(2);
    expect(calls).toEqual([]);
    expect(errors.join("\n")).toContain("unset FAXPLUS_TOKEN");
    expect(errors.join("\n")).not.toContain(TOKEN);
  });

  it.each([
    { args: [], server: "Fake" },
    { args: ["--prism"], server: "Mock" },
  ])("on a failure ($server) prints a clear message, returns 1 and still stops the server", async ({ args, server }) => {
    const { code, lines, errors, port } = await runMain({}, args, failingUpload);
    expect(code).toBe(1);
    expect(errors.join("\n")).toMatch(/quickstart failed: SendFilesError: .*uploadFile.*500.*Nothing was sent/s);
    expect(lines.at(-1)).toBe(`${server} stopped.`);
    expect(await portIsFree(port as number)).toBe(true);
  });

  it("with FAXPLUS_TOKEN runs only the read-only steps, starts nothing and never prints the token", async () => {
    const { calls, fetch } = recordingFetch();
    const { code, lines, errors } = await runMain({ FAXPLUS_TOKEN: TOKEN, FAXPLUS_BASE_URL: api.url }, [], fetch);
    expect(code).toBe(0);
    expect(errors).toEqual([]);
    const text = lines.join("\n");
    expect(lines[0]).toBe(`faxkit quickstart against ${api.url} (read-only)`);
    expect(text).not.toMatch(/(Mock|Fake) stopped\./);
    expect(text).not.toContain(TOKEN);
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
    const { code, errors } = await runMain({ FAXPLUS_TOKEN: TOKEN, FAXPLUS_BASE_URL: api.url }, [], unauthorized);
    expect(code).toBe(1);
    expect(sentTokens).toEqual([`Bearer ${TOKEN}`]); // sent, rejected, not retried
    expect(errors.join("\n")).toMatch(/quickstart failed: AuthenticationError: .*401/);
    expect(errors.join("\n")).not.toContain(TOKEN);
  });
});
