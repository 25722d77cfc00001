import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthenticationError, createFaxPlusClient, type OAuthOptions } from "../src/index.js";
import { exchangeCode, memoryTokenStore, type StoredToken, type TokenStore } from "../src/oauth.js";

/**
 * The client with `oauth.tokenStore`, against a loopback API and a loopback token endpoint
 * (node:http on 127.0.0.1, port 0). The API accepts only the access tokens the endpoint (or the
 * test) made valid; every credential contains "SECRET", so one search finds any leak.
 */
const CLIENT_ID = "cid_SECRET_app";
const CLIENT_SECRET = "cs_SECRET_client";
const STORED_ACCESS = "at_STORED_SECRET";
const STORED_REFRESH = "rt_STORED_SECRET";
const OPTION_REFRESH = "rt_OPTION_SECRET";
const BASIC = btoa(`${CLIENT_ID}:${CLIENT_SECRET}`);
const HOUR_MS = 3_600_000;

type TokenAnswer = { status: number; body: unknown };

interface Loopback {
  url: string;
  /** Form fields of each token request, in order. */
  grants: URLSearchParams[];
  /** `Authorization` of each API request, in order. */
  apiAuth: (string | undefined)[];
  apiStatuses: number[];
  valid: Set<string>;
  /** How the token endpoint answers its n-th request (1-based). */
  answer: (n: number, grant: URLSearchParams) => TokenAnswer;
  logs: string[];
  logger: Record<"debug" | "info" | "warn" | "error", (message: string, data?: unknown) => void>;
}

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** By default the endpoint hands out `at_FRESH_<n>_SECRET`, rotates to `rt_ROTATED_<n>_SECRET`, for an hour. */
const rotating = (n: number): TokenAnswer => ({
  status: 200,
  body: {
    access_token: `at_FRESH_${n}_SECRET`,
    refresh_token: `rt_ROTATED_${n}_SECRET`,
    expires_in: 3600,
    token_type: "Bearer",
    scope: "all",
  },
});

async function startLoopback(answer: Loopback["answer"] = rotating): Promise<Loopback> {
  const logs: string[] = [];
  const loop: Loopback = {
    url: "",
    grants: [],
    apiAuth: [],
    apiStatuses: [],
    valid: new Set([STORED_ACCESS]),
    answer,
    logs,
    logger: {
      debug: (m) => logs.push(`debug ${m}`),
      info: (m) => logs.push(`info ${m}`),
      warn: (m) => logs.push(`warn ${m}`),
      error: (m) => logs.push(`error ${m}`),
    },
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const reply = (status: number, value: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      if (req.url === "/token") {
        const grant = new URLSearchParams(body);
        loop.grants.push(grant);
        const { status, body: answerBody } = loop.answer(loop.grants.length, grant);
        const issued = (answerBody as { access_token?: unknown } | undefined)?.access_token;
        if (status === 200 && typeof issued === "string") loop.valid.add(issued);
        return reply(status, answerBody);
      }
      loop.apiAuth.push(req.headers.authorization);
      const ok = [...loop.valid].some((token) => req.headers.authorization === `Bearer ${token}`);
      loop.apiStatuses.push(ok ? 200 : 401);
      if (ok) return reply(200, { user_id: "u1" });
      reply(401, { error: "unauthorized", description: "The access token provided is expired" });
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  loop.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return loop;
}

/** A memory store that counts reads and keeps every write. */
function recordingStore(initial?: StoredToken) {
  const inner = memoryTokenStore(initial);
  const store = {
    reads: 0,
    writes: [] as StoredToken[],
    get() {
      store.reads++;
      return inner.get();
    },
    set(token: StoredToken) {
      store.writes.push(token);
      return inner.set(token);
    },
  };
  return store;
}

function client(loop: Loopback, oauth: Partial<OAuthOptions>) {
  return createFaxPlusClient({
    baseUrl: `${loop.url}/v3`,
    oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenUrl: `${loop.url}/token`, ...oauth } as OAuthOptions,
    maxRetries: 0,
    logger: loop.logger,
    logLevel: "debug",
  });
}

/** A stored record whose access token expires `inMs` from now, with a lifetime of `lifetimeS`. */
const stored = (inMs: number, lifetimeS = 3600, extra: Partial<StoredToken> = {}): StoredToken => ({
  accessToken: STORED_ACCESS,
  refreshToken: STORED_REFRESH,
  expiresAt: Date.now() + inMs,
  expiresIn: lifetimeS,
  ...extra,
});

function expectNoSecret(loop: Loopback, ...errors: unknown[]): void {
  const shown = [...loop.logs, ...errors.flatMap((e) => [String(e), JSON.stringify(e), (e as Error)?.stack ?? ""])].join("\n");
  expect(shown).not.toContain("SECRET");
  expect(shown).not.toContain(BASIC);
}

describe("the token store is read before the first request", () => {
  it("a stored token far from expiry is sent as is: no token request, one store read for many calls", async () => {
    const loop = await startLoopback();
    const store = recordingStore(stored(HOUR_MS));
    const fax = client(loop, { tokenStore: store });
    await fax.accounts.get();
    await Promise.all(Array.from({ length: 5 }, () => fax.accounts.get()));
    expect(loop.grants).toHaveLength(0);
    expect(loop.apiAuth).toEqual(Array(6).fill(`Bearer ${STORED_ACCESS}`));
    expect(store.reads).toBe(1);
    expect(store.writes).toHaveLength(0);
    expectNoSecret(loop);
  });

  it("a stored token without expiresAt is used until the API answers 401, then refreshed once", async () => {
    const loop = await startLoopback();
    const store = recordingStore({ accessToken: STORED_ACCESS, refreshToken: STORED_REFRESH });
    const fax = client(loop, { tokenStore: store });
    for (let i = 0; i < 3; i++) await fax.accounts.get();
    expect(loop.grants).toHaveLength(0);
    loop.valid.delete(STORED_ACCESS); // revoked or expired on the server's side
    await fax.accounts.get();
    expect(loop.grants).toHaveLength(1);
    expect(loop.apiStatuses).toEqual([200, 200, 200, 401, 200]);
    expect(loop.apiAuth.at(-1)).toBe("Bearer at_FRESH_1_SECRET");
  });

  it("a refresh token in the store wins over oauth.refreshToken (it is the newer one after a rotation)", async () => {
    const loop = await startLoopback();
    const fax = client(loop, { refreshToken: OPTION_REFRESH, tokenStore: recordingStore(stored(-1000)) });
    await fax.accounts.get();
    expect(loop.grants.map((grant) => grant.get("refresh_token"))).toEqual([STORED_REFRESH]);
  });

  it("an empty store with oauth.refreshToken: the first call refreshes with it and stores the result", async () => {
    const loop = await startLoopback();
    const store = recordingStore();
    const fax = client(loop, { refreshToken: OPTION_REFRESH, tokenStore: store });
    await fax.accounts.get();
    expect(loop.grants.map((grant) => grant.get("refresh_token"))).toEqual([OPTION_REFRESH]);
    expect(store.writes.map((token) => token.accessToken)).toEqual(["at_FRESH_1_SECRET"]);
  });
});

describe("refresh ahead of expiry", () => {
  it("a stored token within 60 s of its expiry: 8 concurrent calls share exactly one refresh, made before any is sent", async () => {
    const loop = await startLoopback();
    const fax = client(loop, { tokenStore: recordingStore(stored(30_000)) });
    await Promise.all(Array.from({ length: 8 }, () => fax.accounts.get()));
    expect(loop.grants).toHaveLength(1);
    expect(loop.apiStatuses).toEqual(Array(8).fill(200));
    expect(loop.apiAuth).toEqual(Array(8).fill("Bearer at_FRESH_1_SECRET"));
  });

  // The margin is the smaller of 60 s and 10% of the lifetime.
  it.each([
    { lifetimeS: 3600, leftMs: 61_000, refreshes: 0 },
    { lifetimeS: 3600, leftMs: 59_000, refreshes: 1 },
    { lifetimeS: 300, leftMs: 31_000, refreshes: 0 },
    { lifetimeS: 300, leftMs: 29_000, refreshes: 1 },
    { lifetimeS: 60, leftMs: 7_000, refreshes: 0 },
    { lifetimeS: 60, leftMs: 5_000, refreshes: 1 },
  ])("lifetime $lifetimeS s, $leftMs ms left → $refreshes refresh(es) before the call", async ({ lifetimeS, leftMs, refreshes }) => {
    const loop = await startLoopback();
    const fax = client(loop, { tokenStore: recordingStore(stored(leftMs, lifetimeS)) });
    await fax.accounts.get();
    expect(loop.grants).toHaveLength(refreshes);
    expect(loop.apiStatuses).toEqual([200]);
  });

  it("a refreshed token is refreshed again before its own expires_in runs out, with the rotated refresh token", async () => {
    const loop = await startLoopback();
    const store = recordingStore();
    const fax = client(loop, { refreshToken: OPTION_REFRESH, tokenStore: store });
    vi.useFakeTimers({ toFake: ["Date"] }); // only the clock the client reads; timers and sockets stay real
    await fax.accounts.get();
    vi.setSystemTime(Date.now() + HOUR_MS - 50_000); // within the 60 s margin of the one-hour token
    loop.valid.add("at_FRESH_1_SECRET"); // the server would still accept it: the refresh is the client's choice
    await fax.accounts.get();
    expect(loop.grants.map((grant) => grant.get("refresh_token"))).toEqual([OPTION_REFRESH, "rt_ROTATED_1_SECRET"]);
    expect(loop.apiAuth).toEqual(["Bearer at_FRESH_1_SECRET", "Bearer at_FRESH_2_SECRET"]);
    expect(loop.apiStatuses).toEqual([200, 200]);
  });

  it("with a configured token and no store: once refreshed, the refreshed token is renewed ahead of expiry, never the old one re-sent", async () => {
    const loop = await startLoopback();
    loop.valid.delete(STORED_ACCESS);
    const fax = createFaxPlusClient({
      baseUrl: `${loop.url}/v3`,
      token: "at_EXPIRED_SECRET",
      oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenUrl: `${loop.url}/token`, refreshToken: OPTION_REFRESH },
      maxRetries: 0,
      logger: loop.logger,
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    await fax.accounts.get(); // 401 with the configured token, refresh, re-send
    vi.setSystemTime(Date.now() + HOUR_MS - 50_000);
    loop.valid.add("at_FRESH_1_SECRET");
    await fax.accounts.get();
    expect(loop.apiAuth).toEqual(["Bearer at_EXPIRED_SECRET", "Bearer at_FRESH_1_SECRET", "Bearer at_FRESH_2_SECRET"]);
    expect(loop.apiStatuses).toEqual([401, 200, 200]);
  });

  it("a token endpoint answer without expires_in: the token is used until a 401", async () => {
    const loop = await startLoopback((n) => ({ status: 200, body: { access_token: `at_FRESH_${n}_SECRET` } }));
    const fax = client(loop, { refreshToken: OPTION_REFRESH });
    vi.useFakeTimers({ toFake: ["Date"] });
    await fax.accounts.get();
    vi.setSystemTime(Date.now() + 30 * 24 * HOUR_MS);
    await fax.accounts.get();
    expect(loop.grants).toHaveLength(1);
    loop.valid.delete("at_FRESH_1_SECRET");
    await fax.accounts.get();
    expect(loop.grants).toHaveLength(2);
    expect(loop.apiStatuses).toEqual([200, 200, 401, 200]);
  });

  it("a refresh ahead of expiry that fails (503) leaves calls the token that is still good, and logs a warning", async () => {
    const loop = await startLoopback(() => ({ status: 503, body: { error: "unavailable" } }));
    const fax = client(loop, { tokenStore: recordingStore(stored(30_000)) });
    await fax.accounts.get();
    await fax.accounts.get(); // within the 1 s backoff: no second token request
    expect(loop.grants).toHaveLength(1);
    expect(loop.apiAuth).toEqual([`Bearer ${STORED_ACCESS}`, `Bearer ${STORED_ACCESS}`]);
    expect(loop.logs.filter((line) => line.startsWith("warn"))).toEqual([
      expect.stringContaining("OAuth2 token refresh ahead of expiry failed; calls go on with the current access token"),
    ]);
    expectNoSecret(loop);
  });

  it("a refresh ahead of expiry refused for good (invalid_grant) still leaves the good token, and says what comes", async () => {
    const loop = await startLoopback(() => ({
      status: 400,
      body: { error: "invalid_grant", description: `refresh token ${STORED_REFRESH} revoked` },
    }));
    const fax = client(loop, { tokenStore: recordingStore(stored(30_000)) });
    await expect(fax.accounts.get()).resolves.toEqual({ user_id: "u1" });
    expect(loop.logs.filter((line) => line.startsWith("warn"))).toEqual([
      expect.stringMatching(/failed for good; once the current access token expires, every call fails/),
    ]);
    expectNoSecret(loop);
  });
});

describe("the token store is written after each refresh", () => {
  it("writes the new access token, the rotated refresh token, expiry, scope and type; the next refresh uses the rotated one", async () => {
    const loop = await startLoopback();
    const store = recordingStore(stored(HOUR_MS));
    const fax = client(loop, { tokenStore: store });
    loop.valid.delete(STORED_ACCESS);
    const before = Date.now();
    await fax.accounts.get();
    expect(store.writes).toHaveLength(1);
    const [written] = store.writes;
    expect(written).toMatchObject({
      accessToken: "at_FRESH_1_SECRET",
      refreshToken: "rt_ROTATED_1_SECRET",
      expiresIn: 3600,
      scope: "all",
      tokenType: "Bearer",
    });
    expect(written?.expiresAt).toBeGreaterThanOrEqual(before + HOUR_MS);
    expect(written?.expiresAt).toBeLessThanOrEqual(Date.now() + HOUR_MS);

    loop.valid.delete("at_FRESH_1_SECRET");
    await fax.accounts.get();
    expect(loop.grants.map((grant) => grant.get("refresh_token"))).toEqual([STORED_REFRESH, "rt_ROTATED_1_SECRET"]);
    expect(store.get()).toMatchObject({ accessToken: "at_FRESH_2_SECRET", refreshToken: "rt_ROTATED_2_SECRET" });
  });

  it("a token endpoint that does not rotate: the stored refresh token is kept", async () => {
    const loop = await startLoopback((n) => ({ status: 200, body: { access_token: `at_FRESH_${n}_SECRET`, expires_in: 600 } }));
    const store = recordingStore(stored(-1));
    await client(loop, { tokenStore: store }).accounts.get();
    expect(store.get()).toMatchObject({ accessToken: "at_FRESH_1_SECRET", refreshToken: STORED_REFRESH, expiresIn: 600 });
  });

  it("a token another process stored after this one's was refused is taken from the store, without a refresh", async () => {
    const loop = await startLoopback();
    const store = recordingStore(stored(HOUR_MS));
    const fax = client(loop, { tokenStore: store });
    await fax.accounts.get();
    // Another instance refreshed: the old token is refused, the new one is in the shared store.
    loop.valid = new Set(["at_OTHER_SECRET"]);
    store.set(stored(HOUR_MS, 3600, { accessToken: "at_OTHER_SECRET", refreshToken: "rt_OTHER_SECRET" }));
    await fax.accounts.get();
    expect(loop.grants).toHaveLength(0);
    expect(loop.apiAuth).toEqual([`Bearer ${STORED_ACCESS}`, `Bearer ${STORED_ACCESS}`, "Bearer at_OTHER_SECRET"]);
  });
});

describe("a store that fails", () => {
  it("get() throws: a warning (scrubbed), then a refresh with oauth.refreshToken; the call succeeds", async () => {
    const loop = await startLoopback();
    const store: TokenStore = {
      get() {
        throw new Error(`database down while reading ${CLIENT_SECRET} / ${OPTION_REFRESH}`);
      },
      set: () => undefined,
    };
    await expect(client(loop, { refreshToken: OPTION_REFRESH, tokenStore: store }).accounts.get()).resolves.toEqual({ user_id: "u1" });
    expect(loop.grants.map((grant) => grant.get("refresh_token"))).toEqual([OPTION_REFRESH]);
    expect(loop.logs.filter((line) => line.startsWith("warn"))).toEqual([
      "warn OAuth2 token store: get() failed, so the client refreshes with the refresh token it has: database down while reading [redacted] / [redacted]",
    ]);
    expectNoSecret(loop);
  });

  it("set() rejects: the call succeeds with the fresh token, a scrubbed warning is logged", async () => {
    const loop = await startLoopback();
    const store: TokenStore = {
      get: () => stored(-1),
      set: async (token) => {
        throw new Error(`disk full writing ${token.accessToken} and ${token.refreshToken}`);
      },
    };
    const fax = client(loop, { tokenStore: store });
    await expect(fax.accounts.get()).resolves.toEqual({ user_id: "u1" });
    expect(loop.apiAuth).toEqual(["Bearer at_FRESH_1_SECRET"]);
    expect(loop.logs.filter((line) => line.startsWith("warn"))).toEqual([
      "warn OAuth2 token store: set() failed, so the new tokens live in this client only (calls go on with them): disk full writing [redacted] and [redacted]",
    ]);
    expectNoSecret(loop);
  });

  it("after a failed write, the next refresh uses the rotated refresh token this client holds, not the store's older one", async () => {
    const loop = await startLoopback();
    let writes = 0;
    const inner = memoryTokenStore(stored(-1));
    const store: TokenStore = {
      get: () => inner.get(),
      set: (token) => {
        if (++writes === 1) throw new Error("locked");
        inner.set(token);
      },
    };
    const fax = client(loop, { tokenStore: store });
    await fax.accounts.get();
    loop.valid.delete("at_FRESH_1_SECRET");
    await fax.accounts.get();
    expect(loop.grants.map((grant) => grant.get("refresh_token"))).toEqual([STORED_REFRESH, "rt_ROTATED_1_SECRET"]);
    expect(inner.get()).toMatchObject({ accessToken: "at_FRESH_2_SECRET", refreshToken: "rt_ROTATED_2_SECRET" });
  });

  it("a stored access token with a line break is ignored (named, not quoted) and replaced by a refresh", async () => {
    const loop = await startLoopback();
    const store = recordingStore(stored(HOUR_MS, 3600, { accessToken: `${STORED_ACCESS}\r\nX-Injected: 1` }));
    await client(loop, { tokenStore: store }).accounts.get();
    expect(loop.grants).toHaveLength(1);
    expect(loop.apiAuth).toEqual(["Bearer at_FRESH_1_SECRET"]);
    expect(loop.logs.filter((line) => line.startsWith("warn"))).toEqual([
      "warn OAuth2 token store: the stored accessToken is not a non-empty string without line breaks; it is ignored",
    ]);
    expectNoSecret(loop);
  });

  it("no refresh token anywhere: a clear AuthenticationError, nothing sent; once the app fills the store, calls work", async () => {
    const loop = await startLoopback();
    const store = recordingStore();
    const fax = client(loop, { tokenStore: store });
    const error = await fax.accounts.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(
      "OAuth2: no refresh token to get an access token with (oauth.refreshToken is not set and oauth.tokenStore holds none)",
    );
    expect(loop.grants).toHaveLength(0);
    expect(loop.apiAuth).toHaveLength(0);
    store.set(stored(HOUR_MS)); // e.g. after the user's consent and exchangeCode
    await expect(fax.accounts.get()).resolves.toEqual({ user_id: "u1" });
  });
});

describe("secrets stay out of errors and logs", () => {
  it("a refused refresh echoing every token: the error and all log lines (debug included) carry none", async () => {
    const loop = await startLoopback(() => ({
      status: 400,
      body: { error: "invalid_grant", description: `${STORED_REFRESH} for ${CLIENT_SECRET} (${BASIC}) after ${STORED_ACCESS}` },
    }));
    const fax = client(loop, { tokenStore: recordingStore(stored(HOUR_MS)) });
    loop.valid.clear();
    const error = await fax.accounts.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe("invalid_grant");
    expect(loop.logs.some((line) => line.startsWith("debug"))).toBe(true);
    expectNoSecret(loop, error);
  });
});

describe("the authorization code flow end to end", () => {
  it("authorizationUrl → consent → exchangeCode → store.set → a client with only clientId, clientSecret and tokenStore", async () => {
    const loop = await startLoopback((n, grant) =>
      grant.get("grant_type") === "authorization_code"
        ? { status: 200, body: { access_token: "at_CODE_SECRET", refresh_token: "rt_CODE_SECRET", expires_in: 3600 } }
        : rotating(n),
    );
    const store = memoryTokenStore();
    const tokens = await exchangeCode({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      code: "code_SECRET",
      redirectUri: "https://app.example/callback",
      tokenUrl: `${loop.url}/token`,
    });
    await store.set(tokens);
    const fax = client(loop, { tokenStore: store });
    await fax.accounts.get();
    expect(loop.apiAuth).toEqual(["Bearer at_CODE_SECRET"]);
    expect(loop.grants).toHaveLength(1); // the exchange only

    loop.valid.delete("at_CODE_SECRET");
    await fax.accounts.get();
    expect(loop.grants.map((grant) => [grant.get("grant_type"), grant.get("refresh_token")])).toEqual([
      ["authorization_code", null],
      ["refresh_token", "rt_CODE_SECRET"],
    ]);
    expect(store.get()).toMatchObject({ accessToken: "at_FRESH_2_SECRET", refreshToken: "rt_ROTATED_2_SECRET" });
    expectNoSecret(loop);
  });
});

describe("settings", () => {
  // Whether at createFaxPlusClient or at the first call, the TypeError names the option.
  const attempt = async (loop: Loopback, oauth: Partial<OAuthOptions>) => client(loop, oauth).accounts.get();

  it("neither oauth.refreshToken nor oauth.tokenStore is a TypeError naming both, at createFaxPlusClient", async () => {
    const loop = await startLoopback();
    // @ts-expect-error the type asks for refreshToken or tokenStore too
    const neither: OAuthOptions = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
    expect(() => client(loop, neither)).toThrow(new TypeError("oauth.refreshToken is required unless oauth.tokenStore is given"));
    expect(loop.grants).toHaveLength(0);
    expect(loop.apiAuth).toHaveLength(0);
  });

  it("a tokenStore without get() and set() is a TypeError naming it", async () => {
    const loop = await startLoopback();
    await expect(attempt(loop, { tokenStore: { get: () => undefined } as unknown as TokenStore })).rejects.toThrow(
      new TypeError("oauth.tokenStore must have get() and set() methods (a TokenStore)"),
    );
    expect(loop.apiAuth).toHaveLength(0);
  });
});
