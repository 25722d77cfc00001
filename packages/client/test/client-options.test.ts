import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFaxPlusClient, type FaxPlusClientOptions } from "../src/index.js";

/** A client over an in-memory fetch that records each request and the init it was given. */
function recording(options: FaxPlusClientOptions = {}) {
  const sent: { request: Request; init: RequestInit | undefined }[] = [];
  const fetch = (async (request: Request, init?: RequestInit) => {
    sent.push({ request, init });
    return Response.json({ uid: "u1" });
  }) as typeof globalThis.fetch;
  return { fax: createFaxPlusClient({ token: "tok_options_1", maxRetries: 0, fetch, ...options }), sent };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("defaultHeaders", () => {
  it("are sent with resource and raw calls alike", async () => {
    const { fax, sent } = recording({ defaultHeaders: { "x-team": "billing" } });
    await fax.accounts.get();
    await fax.GET("/accounts/{user_id}", { params: { path: { user_id: "self" } } });
    expect(sent.map(({ request }) => request.headers.get("x-team"))).toEqual(["billing", "billing"]);
  });

  it("give way to a call's own headers, and never replace the credentials", async () => {
    const { fax, sent } = recording({ defaultHeaders: { "x-team": "billing", authorization: "Bearer not-this-one" } });
    await fax.accounts.get(undefined, { headers: { "x-team": "support" } });
    expect(sent[0]?.request.headers.get("x-team")).toBe("support");
    expect(sent[0]?.request.headers.get("authorization")).toBe("Bearer tok_options_1");
  });
});

describe("fetchOptions", () => {
  it("reach every fetch's init, beside the transport's own redirect and signal", async () => {
    const dispatcher = { name: "proxy agent" };
    const { fax, sent } = recording({
      fetchOptions: { cache: "no-store", credentials: "omit", dispatcher, redirect: "follow", signal: null } as never,
    });
    await fax.accounts.get();
    await fax.GET("/accounts/{user_id}", { params: { path: { user_id: "self" } } });
    for (const { init } of sent) {
      expect(init).toMatchObject({ cache: "no-store", credentials: "omit", dispatcher, redirect: "manual" });
      // The transport's timeout signal, not the caller's null.
      expect(init?.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it("work with Node's own fetch against a loopback server", async () => {
    const server: Server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"uid":"u2"}'));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const fax = createFaxPlusClient({
        baseUrl: `http://127.0.0.1:${port}/v3`,
        token: "tok_options_2",
        fetchOptions: { cache: "no-store" },
      });
      await expect(fax.accounts.get()).resolves.toEqual({ uid: "u2" });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("in a browser page", () => {
  function pretendBrowser() {
    vi.stubGlobal("window", { document: {} });
    vi.stubGlobal("navigator", { userAgent: "test" });
  }

  it("creating a client throws unless dangerouslyAllowBrowser is set, naming the option and never the token", () => {
    pretendBrowser();
    let thrown: unknown;
    try {
      createFaxPlusClient({ token: "tok_browser_SECRET" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(String(thrown)).toContain("dangerouslyAllowBrowser: true");
    expect(String(thrown)).not.toContain("SECRET");
  });

  it("dangerouslyAllowBrowser: true lets the client be created and used", async () => {
    pretendBrowser();
    const { fax } = recording({ dangerouslyAllowBrowser: true });
    await expect(fax.accounts.get()).resolves.toEqual({ uid: "u1" });
  });

  it("outside a page (no window.document: Node, workers, Deno, Bun) no flag is needed", () => {
    vi.stubGlobal("window", {});
    expect(() => createFaxPlusClient({ token: "t" })).not.toThrow();
  });
});
