import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, createFaxPlusClient } from "../src/index.js";
import { type FaultServer, json, startFaultServer } from "./helpers/fault-server.js";

/**
 * A refresh that fails for good (the refresh token is revoked, the client credentials are
 * wrong) is remembered: every later call fails at once with the same AuthenticationError and
 * no token request — until the client is created again with new settings. A transient failure
 * (5xx, network) holds calls back for a backoff, then the next call tries again. Against a real
 * loopback API and token endpoint, counting what each receives.
 */
const OAUTH = { clientId: "cid_SECRET_1", clientSecret: "cs_SECRET_2", refreshToken: "rt_SECRET_3" };
const SECRETS = [...Object.values(OAUTH), "at_EXPIRED_SECRET"];
let server: FaultServer;
let transientFailures = 0;

beforeAll(async () => {
  server = await startFaultServer({
    "/v3/accounts/self": (_req, res) => json(res, 401, { error: "unauthorized", description: "The access token provided is expired" }),
    "/revoked/token": (_req, res) =>
      json(res, 400, { error: "invalid_grant", description: `refresh token ${OAUTH.refreshToken} was revoked` }),
    "/wrong-client/token": (_req, res) => json(res, 401, { error: "invalid_client" }),
    "/flaky/token": (_req, res) => {
      if (transientFailures-- > 0) return json(res, 503, { error: "unavailable" });
      json(res, 200, { access_token: "at_FRESH_SECRET", expires_in: 3600 });
    },
  });
});
afterAll(() => server.close());

const client = (tokenPath: string) =>
  createFaxPlusClient({
    baseUrl: `${server.url}/v3`,
    token: "at_EXPIRED_SECRET",
    oauth: { ...OAUTH, tokenUrl: `${server.url}${tokenPath}` },
    maxRetries: 0,
    logLevel: "off",
  });

function expectNoSecret(error: unknown): void {
  const shown = [String(error), JSON.stringify(error), (error as Error).stack ?? ""].join("\n");
  for (const secret of SECRETS) expect(shown).not.toContain(secret);
}

describe("a refresh that fails for good is not tried again", () => {
  it.each([
    ["invalid_grant (400)", "/revoked/token", 400, "invalid_grant"],
    ["invalid_client (401)", "/wrong-client/token", 401, "invalid_client"],
  ])("%s: after it, 20 sequential and 50 concurrent calls make no token request and send nothing", async (_name, path, status, code) => {
    const fax = client(path);
    const first = await fax.accounts.get().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AuthenticationError);
    expect(first).toMatchObject({ status, code });
    expectNoSecret(first);
    const tokenRequests = server.hits(path);
    const apiRequests = server.hits("/v3/accounts/self");

    for (let i = 0; i < 20; i++) await expect(fax.accounts.get()).rejects.toBe(first);
    const concurrent = await Promise.allSettled(Array.from({ length: 50 }, () => fax.accounts.get()));
    for (const outcome of concurrent) expect(outcome).toEqual({ status: "rejected", reason: first });

    expect(tokenRequests).toBe(1);
    expect(server.hits(path)).toBe(1);
    expect(server.hits("/v3/accounts/self")).toBe(apiRequests);
  });

  it("50 concurrent calls that meet the failure first share one token request", async () => {
    const before = server.hits("/revoked/token");
    const fax = client("/revoked/token");
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => fax.accounts.get()));
    expect(outcomes.every((outcome) => outcome.status === "rejected" && outcome.reason instanceof AuthenticationError)).toBe(true);
    const after50 = server.hits("/revoked/token") - before;
    for (let i = 0; i < 20; i++) await expect(fax.accounts.get()).rejects.toBeInstanceOf(AuthenticationError);
    expect(after50).toBe(1);
    expect(server.hits("/revoked/token") - before).toBe(1);
  });

  it("a new client (new settings) tries again", async () => {
    const before = server.hits("/revoked/token");
    await expect(client("/revoked/token").accounts.get()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(client("/revoked/token").accounts.get()).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.hits("/revoked/token") - before).toBe(2);
  });
});

describe("a transient refresh failure backs off, then tries again", () => {
  it("a 503 from the token endpoint holds calls back for the backoff (1 s), after which a refresh succeeds", async () => {
    transientFailures = 1;
    const fax = client("/flaky/token");
    const first = await fax.accounts.get().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AuthenticationError);
    expect((first as AuthenticationError).status).toBe(503);
    for (let i = 0; i < 5; i++) await expect(fax.accounts.get()).rejects.toBe(first);
    expect(server.hits("/flaky/token")).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The API keeps answering 401 here, so the call still fails, but only after a second, successful refresh.
    await expect(fax.accounts.get()).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.hits("/flaky/token")).toBe(2);
  });
});
