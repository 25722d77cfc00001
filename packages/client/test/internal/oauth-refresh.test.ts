import { describe, expect, it, vi } from "vitest";
import { AuthenticationError } from "../../src/errors/AuthenticationError.js";
import { TimeoutError } from "../../src/errors/TimeoutError.js";
import { createFaxPlusClient } from "../../src/index.js";
import { levelledLogger } from "../../src/internal/logger.js";
import { createTokenRefresher, DEFAULT_TOKEN_URL } from "../../src/internal/oauth-refresh.js";
import { SecretSet } from "../../src/internal/secret-set.js";
import { STORE_TIMEOUT_MS } from "../../src/oauth/guarded-token-store.js";

const OAUTH = {
  clientId: "cid_oauth_1",
  clientSecret: "sec_CLIENT_SECRET",
  refreshToken: "rt_REFRESH_1",
  tokenUrl: "https://auth.test/token",
};
const SECRETS = [OAUTH.clientSecret, OAUTH.refreshToken, "at_OLD", "at_NEW_1", "rt_REFRESH_2"];

/**
 * A fake API plus token endpoint: API calls succeed only with the current access token;
 * the token endpoint hands out `at_NEW_<n>` (after `delayMs`) and rotates the refresh token.
 */
function fakeServer(options: { delayMs?: number; tokenStatus?: number; tokenBody?: unknown } = {}) {
  let valid = "at_NEW_1";
  let refreshes = 0;
  const tokenRequests: { authorization: string | null; body: string }[] = [];
  const apiRequests: { authorization: string | null; body: string }[] = [];
  const fetch = (async (request: Request) => {
    if (request.url === OAUTH.tokenUrl) {
      tokenRequests.push({ authorization: request.headers.get("authorization"), body: await request.text() });
      refreshes++;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
      if (options.tokenStatus !== undefined) return Response.json(options.tokenBody ?? {}, { status: options.tokenStatus });
      valid = `at_NEW_${refreshes}`;
      return Response.json(options.tokenBody ?? { access_token: valid, refresh_token: `rt_REFRESH_${refreshes + 1}`, expires_in: 3600 });
    }
    apiRequests.push({ authorization: request.headers.get("authorization"), body: await request.text() });
    if (request.headers.get("authorization") !== `Bearer ${valid}`)
      return Response.json({ error: "unauthorized", description: "The access token provided is expired" }, { status: 401 });
    return Response.json({ ok: true, echo: apiRequests.at(-1)?.body });
  }) as typeof globalThis.fetch;
  return { fetch, tokenRequests, apiRequests, refreshes: () => refreshes };
}

describe("OAuth2 refresh on 401", () => {
  it("refreshes once for many concurrent 401s (single flight) and re-sends each request with the new token", async () => {
    const server = fakeServer({ delayMs: 30 });
    const fax = createFaxPlusClient({ fetch: server.fetch, token: "at_OLD", oauth: OAUTH, baseUrl: "https://api.test/v3" });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => fax.faxes.get({ fax_id: `f${i}` })));
    expect(results).toHaveLength(8);
    expect(server.refreshes()).toBe(1);
    // 8 rejected with the old token, 8 accepted with the new one; nobody refreshed twice.
    expect(server.apiRequests.filter((r) => r.authorization === "Bearer at_OLD")).toHaveLength(8);
    expect(server.apiRequests.filter((r) => r.authorization === "Bearer at_NEW_1")).toHaveLength(8);
  });

  it("sends the refresh-token grant with the client credentials in HTTP Basic auth", async () => {
    const server = fakeServer();
    const fax = createFaxPlusClient({ fetch: server.fetch, token: "at_OLD", oauth: OAUTH, baseUrl: "https://api.test/v3" });
    await fax.accounts.get();
    const [grant] = server.tokenRequests;
    expect(grant?.authorization).toBe(`Basic ${btoa(`${OAUTH.clientId}:${OAUTH.clientSecret}`)}`);
    expect(Object.fromEntries(new URLSearchParams(grant?.body))).toEqual({ grant_type: "refresh_token", refresh_token: "rt_REFRESH_1" });
  });

  it("re-sends the same body after the refresh", async () => {
    const server = fakeServer();
    const fax = createFaxPlusClient({ fetch: server.fetch, token: "at_OLD", oauth: OAUTH, baseUrl: "https://api.test/v3" });
    await fax.faxes.bulkUpdate({ ids: ["a1", "b2"], comment: "seen" });
    expect(server.apiRequests.map((r) => r.body)).toEqual(['{"ids":["a1","b2"],"comment":"seen"}', '{"ids":["a1","b2"],"comment":"seen"}']);
  });

  it("uses the rotated refresh token for the next refresh and reports new tokens through onRefresh", async () => {
    const server = fakeServer();
    const seen: string[] = [];
    const refresher = createTokenRefresher(
      { ...OAUTH, onRefresh: (tokens) => seen.push(`${tokens.accessToken}/${tokens.refreshToken}/${tokens.expiresIn}`) },
      server.fetch,
      new SecretSet(),
      levelledLogger(undefined, "off"),
    );
    expect(await refresher.refresh(undefined)).toBe("at_NEW_1");
    expect(await refresher.refresh("at_NEW_1")).toBe("at_NEW_2");
    expect(server.tokenRequests.map((r) => new URLSearchParams(r.body).get("refresh_token"))).toEqual(["rt_REFRESH_1", "rt_REFRESH_2"]);
    expect(seen).toEqual(["at_NEW_1/rt_REFRESH_2/3600", "at_NEW_2/rt_REFRESH_3/3600"]);
  });

  it("returns the already-refreshed token to a caller holding a stale one, without refreshing again", async () => {
    const server = fakeServer();
    const refresher = createTokenRefresher(OAUTH, server.fetch, new SecretSet(), levelledLogger(undefined, "off"));
    await refresher.refresh("at_OLD");
    expect(await refresher.refresh("at_OLD")).toBe("at_NEW_1");
    expect(server.refreshes()).toBe(1);
  });

  it("fetches a first access token when only the refresh settings are given", async () => {
    const server = fakeServer();
    const fax = createFaxPlusClient({ fetch: server.fetch, oauth: OAUTH, baseUrl: "https://api.test/v3" });
    await fax.accounts.get();
    expect(server.refreshes()).toBe(1);
    expect(server.apiRequests.map((r) => r.authorization)).toEqual(["Bearer at_NEW_1"]);
  });

  it("gives up after one refresh: a second 401 is the AuthenticationError", async () => {
    let refreshes = 0;
    const fetch = (async (request: Request) => {
      if (request.url === OAUTH.tokenUrl) {
        refreshes++;
        return Response.json({ access_token: "at_ALSO_BAD" });
      }
      return Response.json({ error: "unauthorized" }, { status: 401 });
    }) as typeof globalThis.fetch;
    const fax = createFaxPlusClient({ fetch, token: "at_OLD", oauth: OAUTH, baseUrl: "https://api.test/v3" });
    await expect(fax.accounts.get()).rejects.toBeInstanceOf(AuthenticationError);
    expect(refreshes).toBe(1);
  });

  it("sends x-fax-clientid from the OAuth settings", async () => {
    const headers: (string | null)[] = [];
    const fetch = (async (request: Request) => {
      if (request.url !== OAUTH.tokenUrl) headers.push(request.headers.get("x-fax-clientid"));
      return Response.json({ access_token: "at_NEW_1" });
    }) as typeof globalThis.fetch;
    await createFaxPlusClient({ fetch, token: "at_NEW_1", oauth: OAUTH, baseUrl: "https://api.test/v3" }).accounts.get();
    expect(headers).toEqual([OAUTH.clientId]);
  });

  it("defaults the token endpoint to Fax.Plus's", () => {
    expect(DEFAULT_TOKEN_URL).toBe("https://accounts.fax.plus/token");
  });
});

describe("OAuth2 refresh failures", () => {
  const cases: { name: string; status?: number; body?: unknown; fetchError?: boolean; message: RegExp }[] = [
    {
      name: "invalid_grant",
      status: 400,
      body: { error: "invalid_grant", description: `refresh token ${OAUTH.refreshToken} revoked` },
      message: /failed: 400 invalid_grant/,
    },
    { name: "no access_token in the answer", status: 200, body: { token_type: "bearer" }, message: /has no access_token/ },
    { name: "endpoint unreachable", fetchError: true, message: /OAuth2 token refresh at https:\/\/auth\.test\/token failed/ },
  ];
  it.each(cases)("$name → AuthenticationError without any secret", async ({ status, body, fetchError, message }) => {
    const fetch = (async (request: Request) => {
      if (request.url === OAUTH.tokenUrl) {
        if (fetchError) throw new TypeError(`fetch failed for ${OAUTH.clientSecret}`);
        return Response.json(body, { status });
      }
      return Response.json({ error: "unauthorized" }, { status: 401 });
    }) as typeof globalThis.fetch;
    const lines: string[] = [];
    const logger = {
      debug: (m: string) => lines.push(m),
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    };
    const fax = createFaxPlusClient({
      fetch,
      token: "at_OLD",
      oauth: OAUTH,
      baseUrl: "https://api.test/v3",
      maxRetries: 0,
      logger,
      logLevel: "debug",
    });
    const error = await fax.accounts.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(message);
    const visible = [(error as Error).message, JSON.stringify(error), String((error as Error).stack), ...lines].join("\n");
    for (const secret of SECRETS) expect(visible).not.toContain(secret);
    expect(visible).not.toContain(btoa(`${OAUTH.clientId}:${OAUTH.clientSecret}`));
  });
});

describe("OAuth2 refresh bounds", () => {
  it("an access_token with a line break is refused: it could not be sent, and fetch's error would quote it", async () => {
    const server = fakeServer({ tokenBody: { access_token: "at_SECRET\r\nX-Evil: 1" } });
    const fax = createFaxPlusClient({ fetch: server.fetch, token: "at_OLD", oauth: OAUTH, baseUrl: "https://api.test/v3" });
    const error = await fax.accounts.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/access_token contains a line break or NUL character$/);
    expect(JSON.stringify(error)).not.toContain("at_SECRET");
  });

  it("a refresh slower than the call's deadline ends that call at the deadline with a TimeoutError", async () => {
    const server = fakeServer({ delayMs: 400 });
    const fax = createFaxPlusClient({ fetch: server.fetch, token: "at_OLD", oauth: OAUTH, baseUrl: "https://api.test/v3" });
    const error = await fax.accounts.get(undefined, { deadline: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(100);
    expect((error as Error).message).toBe(
      "OAuth2 token refresh at https://auth.test/token did not finish within the call's deadline of 100 ms",
    );
    // The refresh itself went on: the next call uses its token.
    await expect(fax.accounts.get()).resolves.toMatchObject({ ok: true });
    expect(server.refreshes()).toBe(1);
  });
});

describe("OAuth2 refresh with a token store that hangs or a hook that throws", () => {
  const quietLogger = () => {
    const warnings: string[] = [];
    const logger = { ...levelledLogger(undefined, "off"), warn: (message: string) => warnings.push(message) };
    return { logger, warnings };
  };

  it("a get() that never settles is given up after 10 s: the refresh goes on with oauth.refreshToken", async () => {
    vi.useFakeTimers();
    try {
      const server = fakeServer({ delayMs: 0 });
      const { logger, warnings } = quietLogger();
      const tokenStore = { get: () => new Promise<undefined>(() => undefined), set: () => undefined };
      const refresher = createTokenRefresher({ ...OAUTH, tokenStore }, server.fetch, new SecretSet(), logger);
      let token: string | undefined;
      const pending = refresher.refresh(undefined).then((value) => {
        token = value;
      });
      await vi.advanceTimersByTimeAsync(STORE_TIMEOUT_MS - 1);
      expect(server.refreshes()).toBe(0);
      await vi.advanceTimersByTimeAsync(10);
      await pending;
      expect(token).toBe("at_NEW_1");
      expect(server.tokenRequests.map((r) => new URLSearchParams(r.body).get("refresh_token"))).toEqual([OAUTH.refreshToken]);
      expect(warnings).toEqual([
        `OAuth2 token store: get() failed, so the client refreshes with the refresh token it has: it did not settle within ${STORE_TIMEOUT_MS} ms`,
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("an onRefresh that throws is logged (scrubbed) and the new token is used anyway", async () => {
    const server = fakeServer();
    const { logger, warnings } = quietLogger();
    const onRefresh = (tokens: { accessToken: string }) => {
      throw new Error(`cannot save ${tokens.accessToken}`);
    };
    const refresher = createTokenRefresher({ ...OAUTH, onRefresh }, server.fetch, new SecretSet(), logger);
    await expect(refresher.refresh(undefined)).resolves.toBe("at_NEW_1");
    expect(warnings).toEqual(["OAuth2 onRefresh threw (the new token is used anyway): cannot save [redacted]"]);
    expect(refresher.current()).toBe("at_NEW_1");
  });
});
