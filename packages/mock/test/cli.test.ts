import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

// The CLI as users run it: bin/faxkit-mock.js loads dist/cli.js, so the package must be built.
const BIN = fileURLToPath(new URL("../bin/faxkit-mock.js", import.meta.url));

interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name), or rejects after `ms`. */
  exit: (ms: number) => Promise<number | string>;
}

const started: ChildProcess[] = [];

function runCli(...args: string[]): Cli {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? -1));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit: (ms) => withTimeout(exited, ms, () => `faxkit-mock did not exit within ${ms} ms\nstdout: ${out}\nstderr: ${err}`),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits until stdout matches `pattern` (or the process exits, or `ms` pass). */
async function waitForOutput(cli: Cli, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const match = cli.stdout().match(pattern);
    if (match) return match;
    if (cli.child.exitCode !== null || cli.child.signalCode !== null)
      throw new Error(
        `faxkit-mock exited (${cli.child.exitCode ?? cli.child.signalCode}) before printing ${pattern}\nstderr: ${cli.stderr()}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`faxkit-mock printed no ${pattern} within ${ms} ms\nstdout: ${cli.stdout()}\nstderr: ${cli.stderr()}`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The printed `curl` example as a fetch: method, URL, headers and body. */
function parseCurl(text: string): { method: string; url: string; headers: Record<string, string>; body: string | undefined } {
  const command =
    text
      .slice(text.indexOf("curl "))
      .split("Press Ctrl-C")[0]
      ?.replace(/\\\n\s*/g, " ") ?? "";
  const method = command.match(/-X (\w+)/)?.[1] ?? "GET";
  const url = command.match(/(https?:\/\/\S+)/)?.[1] ?? "";
  const headers: Record<string, string> = {};
  for (const [, header] of command.matchAll(/-H "([^"]+)"/g)) {
    const [name, ...value] = (header as string).split(":");
    headers[(name as string).trim().toLowerCase()] = value.join(":").trim();
  }
  const body = command.match(/-d '([^']*)'/)?.[1];
  return { method, url, headers, body };
}

/** Every printed `curl` example, in order, each parsed as {@link parseCurl} does (the URL unquoted). */
function parseCurls(text: string): ReturnType<typeof parseCurl>[] {
  const tried = text.slice(text.indexOf("Try:"), text.indexOf("Press Ctrl-C"));
  return tried
    .split(/^\s*(?=curl )/m)
    .filter((part) => part.startsWith("curl "))
    .map((part) => parseCurl(`${part}Press Ctrl-C`))
    .map((curl) => ({ ...curl, url: curl.url.replace(/^"|"$/g, "") })); // a URL with a query is printed in quotes for the shell
}

afterEach(() => {
  // Never leave a mock behind, whatever a test did: only the children this file started.
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Either server, asked for a port another server holds: exit 1 naming the port, nothing on stdout. */
async function expectPortInUseRefused(...mode: string[]): Promise<void> {
  const blocker: Server = createServer();
  blocker.listen(0, "127.0.0.1");
  await once(blocker, "listening");
  const { port } = blocker.address() as { port: number };
  try {
    const cli = runCli(...mode, "--port", String(port));
    expect(await cli.exit(20_000)).toBe(1);
    expect(cli.stderr()).toContain(`port ${port} is already in use`);
    expect(cli.stdout()).toBe("");
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
}

describe("faxkit-mock CLI", () => {
  it("serves until SIGINT: prints the URL and a working curl example, then stops cleanly and frees the port", async () => {
    const cli = runCli("--port", "0");
    const [, url] = await waitForOutput(cli, /listening on (http:\/\/127\.0\.0\.1:\d+\/v3)\n/, 20_000);
    await waitForOutput(cli, /Press Ctrl-C to stop\./, 5_000);
    expect(cli.stdout()).toMatch(/^Fax\.Plus mock \(\d+ operations\) listening on /);
    const port = Number(new URL(url as string).port);
    expect(port).toBeGreaterThan(0);

    // The curl example names this URL; sending what it says works.
    const curl = parseCurl(cli.stdout());
    expect(curl.url).toBe(`${url}/accounts/self/faxes`);
    expect(curl.method).toBe("PUT");
    const response = await fetch(curl.url, {
      method: curl.method,
      headers: curl.headers,
      ...(curl.body !== undefined ? { body: curl.body } : {}),
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ results: [{ id: expect.any(String), code: 204 }] });
    expect(await portIsFree(port)).toBe(false);

    cli.child.kill("SIGINT");
    expect(await cli.exit(10_000)).toBe(0);
    expect(cli.stdout()).toMatch(/mock stopped\n$/);
    expect(cli.stderr()).toBe("");
    expect(await portIsFree(port)).toBe(true);
  });

  it("keeps serving after requests that used to end it (GET /v3/accounts/%ZZ, a body over the limit, oversized headers)", async () => {
    const cli = runCli("--port", "0");
    const [, url] = await waitForOutput(cli, /listening on (http:\/\/127\.0\.0\.1:\d+\/v3)\n/, 20_000);
    const headers = { authorization: "Bearer any-token" };
    const bad = await fetch(`${url}/accounts/%ZZ`, { headers, signal: AbortSignal.timeout(10_000) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: "invalid_request",
      description: 'the request path segment "%ZZ" is not valid percent-encoded UTF-8',
    });
    const large = await fetch(`${url}/hooks`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: "x".repeat(33 * 1024 * 1024),
      signal: AbortSignal.timeout(10_000),
    });
    expect(large.status).toBe(413);
    const oversized = await fetch(`${url}/accounts/self`, {
      headers: { ...headers, "x-big": "a".repeat(20_000) },
      signal: AbortSignal.timeout(10_000),
    });
    expect(oversized.status).toBe(431);
    const good = await fetch(`${url}/accounts/self`, { headers, signal: AbortSignal.timeout(10_000) });
    expect(good.status).toBe(200);
    expect(cli.child.exitCode).toBeNull();
    cli.child.kill("SIGINT");
    expect(await cli.exit(10_000)).toBe(0);
    expect(cli.stderr()).toBe("");
  });

  it("SIGTERM stops it cleanly too", async () => {
    const cli = runCli("--port", "0");
    const [, url] = await waitForOutput(cli, /listening on (http:\/\/\S+\/v3)\n/, 20_000);
    cli.child.kill("SIGTERM");
    expect(await cli.exit(10_000)).toBe(0);
    expect(cli.stdout()).toContain("mock stopped");
    expect(await portIsFree(Number(new URL(url as string).port))).toBe(true);
  });

  it.each([
    [["--port", "abc"], "faxkit-mock: --port must be an integer 0–65535 (got abc)"],
    [["--port", "70000"], "faxkit-mock: --port must be an integer 0–65535 (got 70000)"],
    [["--bogus"], "faxkit-mock: Unknown option '--bogus'"],
    [["--stateful", "--dynamic"], "faxkit-mock: --stateful cannot be combined with --dynamic (they configure the Prism mock)"],
    [["--stateful", "--seed", "7", "--spec", "x.json"], "faxkit-mock: --stateful cannot be combined with --seed, --spec"],
  ])("%j exits 2 with a message, starting nothing", async (args, message) => {
    const cli = runCli(...args);
    expect(await cli.exit(10_000)).toBe(2);
    expect(cli.stderr()).toContain(message);
    expect(cli.stdout()).toBe("");
  });

  it("--help prints the usage and exits 0", async () => {
    const cli = runCli("--help");
    expect(await cli.exit(10_000)).toBe(0);
    expect(cli.stdout()).toMatch(/^Usage: faxkit-mock \[--port 4010\]/);
    expect(cli.stdout()).toContain("--stateful");
  });

  it("a port in use exits 1 naming the port", () => expectPortInUseRefused());
});

describe("faxkit-mock --stateful", () => {
  it("serves the fake: prints the URL and requests to try, which show it keeps state; SIGINT stops it and frees the port", async () => {
    const cli = runCli("--stateful", "--port", "0");
    const [, url] = await waitForOutput(
      cli,
      /^Fax\.Plus fake \(stateful, in memory\) listening on (http:\/\/127\.0\.0\.1:\d+\/v3)\n/,
      10_000,
    );
    await waitForOutput(cli, /Press Ctrl-C to stop\./, 5_000);
    const port = Number(new URL(url as string).port);

    // The printed requests, sent as printed: the first creates a webhook, the second lists it.
    const [create, list] = parseCurls(cli.stdout());
    expect(create?.url).toBe(`${url}/hooks`);
    expect(list?.url).toBe(`${url}/hooks?event=fax_received`);
    const send = (curl: ReturnType<typeof parseCurl>) =>
      fetch(curl.url, {
        method: curl.method,
        headers: curl.headers,
        ...(curl.body !== undefined ? { body: curl.body } : {}),
        signal: AbortSignal.timeout(10_000),
      });
    const created = await send(create as ReturnType<typeof parseCurl>);
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const listed = await send(list as ReturnType<typeof parseCurl>);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).toContain(id);

    cli.child.kill("SIGINT");
    expect(await cli.exit(10_000)).toBe(0);
    expect(cli.stdout()).toMatch(/fake stopped\n$/);
    expect(cli.stderr()).toBe("");
    expect(await portIsFree(port)).toBe(true);
  });

  it("keeps serving after a target that does not decode and a body over the limit", async () => {
    const cli = runCli("--stateful", "--port", "0");
    const [, url] = await waitForOutput(cli, /listening on (http:\/\/127\.0\.0\.1:\d+\/v3)\n/, 10_000);
    const headers = { authorization: "Bearer any-token" };
    expect((await fetch(`${url}/accounts/%ZZ`, { headers, signal: AbortSignal.timeout(10_000) })).status).toBe(400);
    const large = await fetch(`${url}/hooks`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: "x".repeat(33 * 1024 * 1024),
      signal: AbortSignal.timeout(10_000),
    });
    expect(large.status).toBe(413);
    expect((await fetch(`${url}/accounts/self`, { headers, signal: AbortSignal.timeout(10_000) })).status).toBe(200);
    cli.child.kill("SIGTERM");
    expect(await cli.exit(10_000)).toBe(0);
    expect(cli.stderr()).toBe("");
  });

  it("a port in use exits 1 naming the port", () => expectPortInUseRefused("--stateful"));
});
