import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  RedirectError as MainRedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
} from "../src/index.js";
import { type ExchangeCodeOptions, exchangeCode, RedirectError } from "../src/oauth.js";

/** A loopback token endpoint (127.0.0.1, port 0) that records each request and answers per path. */
interface Received {
  method: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Route = (res: ServerResponse) => void;

const CLIENT_SECRET = "cs_SECRET_client_9f2";
const CODE = "code_SECRET_4b7e1";
const ACCESS = "at_SECRET_access_77";
const REFRESH = "rt_SECRET_refresh_31";
const BASIC = Buffer.from(`cid_app:${CLIENT_SECRET}`).toString("base64");
const SECRETS = [CLIENT_SECRET, CODE, ACCESS, REFRESH, BASIC];

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (res: ServerResponse) =>
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

const routes: Record<string, Route> = {
  "/token": json(200, { access_token: ACCESS, refresh_token: REFRESH, expires_in: 3600, scope: "all", token_type: "Bearer" }),
  "/minimal/token": json(200, { access_token: ACCESS }),
  "/revoked/token": json(400, { error: "invalid_grant", description: `code ${CODE} for secret ${CLIENT_SECRET} is expired` }),
  "/bad-request/token": json(400, { error: "invalid_request", description: "redirect_uri is missing" }),
  "/html/token": (res) => res.writeHead(200, { "content-type": "text/html" }).end(`<html>access_token=${ACCESS}&code=${CODE}</html>`),
  "/form/token": (res) => res.writeHead(200, { "content-type": "application/x-www-form-urlencoded" }).end(`access_token=${ACCESS}`),
  "/no-token/token": json(200, { token_type: "Bearer", refresh_token: REFRESH }),
  "/crlf/token": json(200, { access_token: `${ACCESS}\r\nX-Injected: 1`, refresh_token: REFRESH }),
  "/moved/token": (res) => res.writeHead(307, { location: `/elsewhere/token?code=${CODE}` }).end(),
  "/elsewhere/token": json(200, { access_token: ACCESS }),
  "/huge/token": (res) => res.writeHead(200, { "content-type": "application/json" }).end(`{"access_token":"${"a".repeat(200_000)}"}`),
  "/silent/token": () => undefined,
};

let server: Server;
let origin: string;
const received = new Map<string, Received[]>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.set(path, [...(received.get(path) ?? []), { method: req.method ?? "", headers: req.headers, body }]);
      const route = routes[path];
      if (route) route(res);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = (path: string, extra: Partial<ExchangeCodeOptions> = {}): ExchangeCodeOptions => ({
  clientId: "cid_app",
  clientSecret: CLIENT_SECRET,
  code: CODE,
  redirectUri: "https://app.example/callback",
  tokenUrl: `${origin}${path}`,
  ...extra,
});

async function failure(path: string, extra: Partial<ExchangeCodeOptions> = {}): Promise<Error> {
  const outcome = await exchangeCode(options(path, extra)).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(Error);
  return outcome as Error;
}

function expectNoSecret(error: Error): void {
  const shown = [error.message, JSON.stringify(error), inspect(error, { depth: Number.POSITIVE_INFINITY }), error.stack ?? ""].join("\n");
  for (const secret of SECRETS) expect(shown).not.toContain(secret);
}

describe("exchangeCode", () => {
  it("POSTs the authorization_code grant as a form, with the client in a Basic header, once", async () => {
    const tokens = await exchangeCode(options("/token"));
    const requests = received.get("/token") ?? [];
    expect(requests).toHaveLength(1);
    const [request] = requests as [Received];
    expect(request.method).toBe("POST");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.headers.accept).toBe("application/json");
    expect(request.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: "authorization_code",
      code: CODE,
      redirect_uri: "https://app.example/callback",
    });
    expect(tokens).toEqual({
      accessToken: ACCESS,
      refreshToken: REFRESH,
      expiresIn: 3600,
      expiresAt: expect.any(Number),
      scope: "all",
      tokenType: "Bearer",
    });
  });

  it("turns expires_in into expiresAt, in ms since the epoch at receipt", async () => {
    const before = Date.now();
    const { expiresAt } = await exchangeCode(options("/token"));
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });

  it("takes an answer with only access_token, as a Bearer token with nothing else", async () => {
    expect(await exchangeCode(options("/minimal/token"))).toEqual({ accessToken: ACCESS, tokenType: "Bearer" });
  });

  it("trims the credentials it sends (a secret read from a file ends with a newline)", async () => {
    const before = received.get("/minimal/token")?.length ?? 0;
    await exchangeCode(options("/minimal/token", { clientSecret: `${CLIENT_SECRET} `, code: ` ${CODE}` }));
    const request = received.get("/minimal/token")?.[before] as Received;
    expect(request.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(new URLSearchParams(request.body).get("code")).toBe(CODE);
  });

  it("makes invalid_grant an AuthenticationError with the code, scrubbed of the secret and the code everywhere", async () => {
    const error = await failure("/revoked/token");
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 400, code: "invalid_grant", method: "POST" });
    expect(error.message).toContain("invalid_grant");
    expect(error.message).toContain("[redacted]");
    expectNoSecret(error);
    expect(received.get("/revoked/token")).toHaveLength(1);
  });

  it("leaves another 4xx its status error (invalid_request is a BadRequestError)", async () => {
    const error = await failure("/bad-request/token");
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 400, code: "invalid_request", description: "redirect_uri is missing" });
  });

  it.each([
    ["an HTML page", "/html/token", /not JSON/],
    ["a form-encoded answer", "/form/token", /not JSON/],
    ["JSON without access_token", "/no-token/token", /no access_token/],
    ["an access_token with CR/LF", "/crlf/token", /access_token that contains a line break or NUL/],
  ])("makes %s a ResponseParseError that keeps no token", async (_name, path, message) => {
    const error = await failure(path);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toMatch(message);
    expect((error as ResponseParseError).rawBody).toBeUndefined();
    expectNoSecret(error);
  });

  it("does not follow a 307: a RedirectError naming tokenUrl, the target stripped of its query, nothing sent there", async () => {
    const error = await failure("/moved/token");
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toBeInstanceOf(MainRedirectError);
    expect(error).toMatchObject({ status: 307, location: "/elsewhere/token" });
    expect(error.message).toMatch(/check tokenUrl$/);
    expect(received.get("/elsewhere/token")).toBeUndefined();
    expectNoSecret(error);
  });

  it("stops reading an answer past 64 KiB with a ResponseTooLargeError", async () => {
    const error = await failure("/huge/token");
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ maxBytes: 65_536 });
  });

  it("ends a token endpoint that never answers with a TimeoutError at `timeout`", async () => {
    const error = await failure("/silent/token", { timeout: 200 });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 200 });
    expectNoSecret(error);
  });

  it.each([
    "clientId",
    "clientSecret",
    "code",
    "redirectUri",
    "tokenUrl",
  ])("refuses CR, LF or NUL in %s with a TypeError that does not quote it, sending nothing", async (name) => {
    const sent = received.get("/minimal/token")?.length ?? 0;
    for (const bad of [`${CODE}\r\nX-Injected: 1`, `${CODE}\n${CLIENT_SECRET}`, `${CODE}\0`]) {
      const value = name === "tokenUrl" ? `${origin}/minimal/token?${bad}` : bad;
      const error = await failure("/minimal/token", { [name]: value });
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(name);
      expectNoSecret(error);
    }
    expect(received.get("/minimal/token")?.length ?? 0).toBe(sent);
  });

  it("drops user:password@ from tokenUrl before sending, and never shows it", async () => {
    const before = received.get("/minimal/token")?.length ?? 0;
    const tokenUrl = `http://admin:pw_SECRET_url@127.0.0.1:${new URL(origin).port}/minimal/token`;
    await exchangeCode(options("/minimal/token", { tokenUrl }));
    expect(received.get("/minimal/token")).toHaveLength(before + 1);
    const error = await failure("/revoked/token", { tokenUrl: tokenUrl.replace("/minimal/", "/revoked/") });
    expect(inspect(error)).not.toContain("pw_SECRET_url");
  });
});
