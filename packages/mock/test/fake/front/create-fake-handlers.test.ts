import { createFaxPlusClient, ServerError } from "@faxkit/client";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakeHandlers, fixtures } from "../../../src/msw.js";

// @faxkit/mock/msw with the real engine, under msw/node: the real client on its default base
// URL talks to the fake; an unhandled request is an error, so nothing leaves the process.

const { handlers, fake } = createFakeHandlers();
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => fake.reset());
afterAll(async () => {
  server.close();
  await fake.close();
});

const client = (maxRetries = 0) => createFaxPlusClient({ token: "test-token", maxRetries });

describe("createFakeHandlers", () => {
  it("answers the client on https://restapi.fax.plus/v3 from the fake account", async () => {
    expect(fake.baseUrl).toBe("https://restapi.fax.plus/v3");
    expect(await client().accounts.get()).toMatchObject({ email: fixtures.account().email });
    expect(fake.requests.map((r) => [r.operationId, r.status])).toEqual([["getUser", 200]]);
  });

  it("keeps state: a webhook created is listed, until reset()", async () => {
    const fax = client();
    const created = await fax.webhooks.create({ target: "http://127.0.0.1:9/hook", event: "fax_sent" });
    expect(JSON.stringify(await fax.webhooks.list({ event: "fax_sent" }))).toContain(created.id);
    fake.reset();
    expect(JSON.stringify(await fax.webhooks.list({ event: "fax_sent" }))).not.toContain(created.id);
  });

  it("failNext: the client's typed error, and its retry gets the real answer", async () => {
    fake.failNext({ operationId: "getUser", status: 503 });
    await expect(client().accounts.get()).rejects.toBeInstanceOf(ServerError);
    fake.failNext({ operationId: "getUser", status: 503 });
    expect(await client(1).accounts.get()).toMatchObject({ uid: fixtures.account().uid });
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("resetNext is a network error the client retries", async () => {
    fake.resetNext();
    expect(await client(1).accounts.get()).toMatchObject({ uid: fixtures.account().uid });
    expect(fake.requests).toHaveLength(2);
  });

  it("a request without a token gets the API's 401", async () => {
    const response = await fetch("https://restapi.fax.plus/v3/accounts/self");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: expect.any(String), description: expect.any(String) });
  });

  it("close() can be called more than once", async () => {
    const own = createFakeHandlers();
    await own.fake.close();
    await own.fake.close();
  });
});

describe("createFakeHandlers: options", () => {
  it("baseUrl puts the fake elsewhere, its path the fake's base path", async () => {
    const own = createFakeHandlers({ baseUrl: "http://fax.test/api/v3/" });
    expect(own.fake.baseUrl).toBe("http://fax.test/api/v3");
    server.use(...own.handlers);
    try {
      const fax = createFaxPlusClient({ baseUrl: own.fake.baseUrl, token: "t", maxRetries: 0 });
      expect(await fax.accounts.get()).toMatchObject({ uid: fixtures.account().uid });
      expect(own.fake.requests[0]?.path).toBe("/api/v3/accounts/self");
    } finally {
      server.resetHandlers();
      await own.fake.close();
    }
  });

  it.each([
    [{ baseUrl: "restapi.fax.plus/v3" }, 'baseUrl must be an absolute http(s) URL (got "restapi.fax.plus/v3")'],
    [{ baseUrl: "ftp://fax.test/v3" }, 'baseUrl must be an absolute http(s) URL (got "ftp://fax.test/v3")'],
    [{ baseUrl: "https://fax.test/v3?x=1" }, 'baseUrl must have no query or fragment (got "https://fax.test/v3?x=1")'],
    [{ maxBodyBytes: 1.5 }, "maxBodyBytes must be a non-negative integer (got 1.5)"],
  ])("rejects %j with a message naming it", (options, message) => {
    expect(() => createFakeHandlers(options)).toThrow(message);
  });
});
