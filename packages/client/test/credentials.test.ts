import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, ConnectionError, createFaxPlusClient } from "../src/index.js";
import { type FaultServer, json, startFaultServer } from "./helpers/fault-server.js";

/**
 * Credentials reach a message in more forms than the one the caller passed: fetch trims a
 * token read from a file, a server echoes the header (`Bearer …`), a URL carries it encoded.
 * Every form is scrubbed; a credential that cannot be sent at all (a line break inside) is a
 * TypeError at createFaxPlusClient that never quotes it; `user:password@` in baseUrl is dropped.
 */
const TOKEN = "tok_SECRET_from_file_123";
let server: FaultServer;
const seen: { authorization?: string; clientId?: string; url?: string }[] = [];

beforeAll(async () => {
  server = await startFaultServer({
    // A 401 that echoes every form the token arrived in.
    "/v3/accounts/self": (req, res) => {
      seen.push({ authorization: req.headers.authorization, clientId: req.headers["x-fax-clientid"] as string, url: req.url });
      const header = req.headers.authorization ?? "";
      const token = header.replace(/^Bearer /, "");
      json(res, 401, {
        error: "invalid_token",
        description: `rejected ${header} (token ${token}, encoded ${encodeURIComponent(token)})`,
        echo: { authorization: header },
      });
    },
  });
});
afterAll(() => server.close());

function visible(error: unknown): string {
  return [
    String(error),
    (error as Error).message,
    JSON.stringify(error),
    (error as Error).stack ?? "",
    (error as AuthenticationError).rawBody,
  ].join("\n");
}

describe("credential forms are scrubbed from errors", () => {
  it.each([
    ["a trailing newline (read from a file)", `${TOKEN}\n`],
    ["surrounding spaces and a CRLF", `  ${TOKEN}\r\n`],
    ["a token function returning it with a newline", () => `${TOKEN}\n`],
  ])("a token with %s is sent trimmed and scrubbed from message, description and JSON", async (_name, token) => {
    const error = await createFaxPlusClient({ baseUrl: `${server.url}/v3`, token, maxRetries: 0 })
      .accounts.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(seen.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
    expect((error as AuthenticationError).description).toBe("rejected Bearer [redacted] (token [redacted], encoded [redacted])");
    expect(visible(error)).not.toContain(TOKEN);
  });

  it("a token that changes under URL encoding is scrubbed in its encoded form too", async () => {
    const token = "tok/SECRET+with=chars&1";
    const error = await createFaxPlusClient({ baseUrl: `${server.url}/v3`, token, maxRetries: 0 })
      .accounts.get()
      .catch((e: unknown) => e);
    expect(visible(error)).not.toContain(token);
    expect(visible(error)).not.toContain(encodeURIComponent(token));
  });

  it("a client id with a trailing newline is sent trimmed and scrubbed", async () => {
    const error = await createFaxPlusClient({ baseUrl: `${server.url}/v3`, token: TOKEN, clientId: "cid_SECRET_77\n", maxRetries: 0 })
      .accounts.get()
      .catch((e: unknown) => e);
    expect(seen.at(-1)?.clientId).toBe("cid_SECRET_77");
    expect(visible(error)).not.toContain("cid_SECRET_77");
  });
});

describe("credentials that cannot be sent are refused up front, unquoted", () => {
  it.each([
    ["token", { token: "tok_SECRET\r\nX-Evil: 1" }],
    ["token", { token: "tok_SECRET\nmore" }],
    ["token", { token: "tok_SECRET\0nul" }],
    ["clientId", { clientId: "cid_SECRET\nx" }],
    ["oauth.clientSecret", { oauth: { clientId: "cid", clientSecret: "cs_SECRET\r\nx", refreshToken: "rt_SECRET" } }],
    ["oauth.refreshToken", { oauth: { clientId: "cid", clientSecret: "cs_SECRET", refreshToken: "rt_SECRET\nx" } }],
    ["oauth.clientId", { oauth: { clientId: "cid_SECRET\nx", clientSecret: "cs_SECRET", refreshToken: "rt_SECRET" } }],
  ])("%s with a line break or NUL inside is a TypeError at createFaxPlusClient", (name, options) => {
    let error: unknown;
    try {
      createFaxPlusClient({ baseUrl: `${server.url}/v3`, ...options });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(`${name} must not contain a line break or NUL (not shown)`);
    expect((error as Error).message).not.toContain("SECRET");
  });

  it("a token function returning a line break fails the call with the same TypeError, nothing sent", async () => {
    const before = server.hits("/v3/accounts/self");
    const error = await createFaxPlusClient({ baseUrl: `${server.url}/v3`, token: () => "tok_SECRET\r\nX-Evil: 1" })
      .accounts.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("token must not contain a line break or NUL (not shown)");
    expect(server.hits("/v3/accounts/self")).toBe(before);
  });
});

describe("credentials in baseUrl", () => {
  it("user:password@ is dropped: requests go out without it and no error can quote it", async () => {
    const withCredentials = server.url.replace("http://", "http://admin:pw_SECRET_9@");
    const fax = createFaxPlusClient({ baseUrl: `${withCredentials}/v3`, token: TOKEN, maxRetries: 0 });
    const error = await fax.accounts.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError); // the request reached the server
    expect(seen.at(-1)?.url).toBe("/v3/accounts/self");
    expect(visible(error)).not.toContain("pw_SECRET_9");
  });

  it("a connection error for such a baseUrl does not quote the password either", async () => {
    const closed = await startFaultServer({});
    const url = closed.url;
    await closed.close();
    const error = await createFaxPlusClient({ baseUrl: url.replace("http://", "http://admin:pw_SECRET_9@"), token: TOKEN, maxRetries: 0 })
      .accounts.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(visible(error)).not.toContain("pw_SECRET_9");
  });
});
