import { describe, expect, it } from "vitest";
import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  FaxPlusError,
  type FaxPlusErrorInit,
  NotFoundError,
  PermissionDeniedError,
  RAW_BODY_LIMIT,
  RateLimitError,
  RedirectError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
} from "../../src/errors/index.js";
import { redactedError } from "../../src/redact.js";

type AnyErrorClass = new (message: string, init?: FaxPlusErrorInit) => FaxPlusError;

// Every error the client throws is built by redactedError: these are the errors as users meet them.
describe("FaxPlusError", () => {
  it("keeps every field, redacting URL and headers", () => {
    const cause = new Error("socket hang up");
    const error = redactedError(FaxPlusError, "GET /accounts/self failed with 418", {
      status: 418,
      code: "teapot",
      description: "I am a teapot",
      operationId: "getUser",
      method: "GET",
      url: "https://user:pw@restapi.fax.plus/v3/accounts/self?token=abc&page=2",
      headers: new Headers({ "Content-Type": "text/plain", "Set-Cookie": "session=xyz" }),
      rawBody: "short and stout",
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(FaxPlusError);
    expect(error.name).toBe("FaxPlusError");
    expect(error.message).toBe("GET /accounts/self failed with 418");
    expect(error.status).toBe(418);
    expect(error.code).toBe("teapot");
    expect(error.description).toBe("I am a teapot");
    expect(error.operationId).toBe("getUser");
    expect(error.method).toBe("GET");
    expect(error.url).toBe("https://restapi.fax.plus/v3/accounts/self?token=[redacted]&page=2");
    expect(error.headers).toEqual({ "content-type": "text/plain", "set-cookie": "[redacted]" });
    expect(error.rawBody).toBe("short and stout");
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe("FaxPlusError: GET /accounts/self failed with 418");
  });

  it("defaults to no status, no cause and empty headers", () => {
    const error = redactedError(FaxPlusError, "boom", {});
    expect(error.status).toBeUndefined();
    expect(error.headers).toEqual({});
    expect("cause" in error).toBe(false);
    expect(error.toJSON().cause).toBeUndefined();
  });

  it("accepts headers as a plain record, lower-casing names", () => {
    const error = redactedError(FaxPlusError, "x", { headers: { "X-Request-Id": "r1", Authorization: "Bearer t0k3n" } });
    expect(error.headers).toEqual({ "x-request-id": "r1", authorization: "[redacted]" });
  });

  it("truncates rawBody to RAW_BODY_LIMIT characters", () => {
    const error = redactedError(FaxPlusError, "x", { rawBody: "a".repeat(RAW_BODY_LIMIT + 500) });
    expect(RAW_BODY_LIMIT).toBe(2000);
    expect(error.rawBody).toHaveLength(2000);
  });

  it("scrubs before truncating, so no half secret survives the cut", () => {
    const secret = "tok_SECRET_123";
    const error = redactedError(FaxPlusError, "x", { rawBody: `${"a".repeat(RAW_BODY_LIMIT - 5)}${secret}`, secrets: [secret] });
    expect(error.rawBody).toBe(`${"a".repeat(RAW_BODY_LIMIT - 5)}[reda`);
    expect(error.rawBody).not.toContain("tok_S");
  });

  it("serialises to plain data, with the cause's message only", () => {
    const error = redactedError(FaxPlusError, "failed", {
      status: 422,
      code: "invalid",
      method: "POST",
      url: "/hooks?code=42",
      headers: { "content-type": "application/json" },
      rawBody: "{}",
      cause: new TypeError("fetch failed"),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "FaxPlusError",
      message: "failed",
      status: 422,
      code: "invalid",
      method: "POST",
      url: "/hooks?code=[redacted]",
      headers: { "content-type": "application/json" },
      rawBody: "{}",
      cause: "fetch failed",
    });
    expect(redactedError(FaxPlusError, "x", { cause: "plain string" }).toJSON().cause).toBe("plain string");
  });

  it("replaces the raw URL in its own message with the redacted one", () => {
    const url = "https://restapi.fax.plus/v3/accounts/self?access_token=abcdef";
    const error = redactedError(FaxPlusError, `GET ${url} failed: fetch failed`, { url });
    expect(error.message).toBe("GET https://restapi.fax.plus/v3/accounts/self?access_token=[redacted] failed: fetch failed");
  });
});

describe("subclasses", () => {
  const cases: { ErrorClass: AnyErrorClass; name: string; status: number | undefined }[] = [
    { ErrorClass: BadRequestError, name: "BadRequestError", status: 400 },
    { ErrorClass: AuthenticationError, name: "AuthenticationError", status: 401 },
    { ErrorClass: PermissionDeniedError, name: "PermissionDeniedError", status: 403 },
    { ErrorClass: NotFoundError, name: "NotFoundError", status: 404 },
    { ErrorClass: ConflictError, name: "ConflictError", status: 409 },
    { ErrorClass: RateLimitError, name: "RateLimitError", status: 429 },
    { ErrorClass: ServerError, name: "ServerError", status: 500 },
    { ErrorClass: ConnectionError, name: "ConnectionError", status: undefined },
    { ErrorClass: AbortError, name: "AbortError", status: undefined },
  ];

  it.each(cases)("$name: name, instanceof, default status $status", ({ ErrorClass, name, status }) => {
    const error = redactedError(ErrorClass, "message", {});
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(FaxPlusError);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(String(error)).toBe(`${name}: message`);
    expect(error.stack?.split("\n")[0]).toBe(`${name}: message`);
    expect(error.toJSON().name).toBe(name);
  });

  it("an explicit status wins over the default", () => {
    expect(redactedError(ServerError, "x", { status: 503 }).status).toBe(503);
  });

  it("RateLimitError carries retryAfter in seconds", () => {
    const error = redactedError(RateLimitError, "slow down", { retryAfter: 30, headers: { "retry-after": "30" } });
    expect(error.retryAfter).toBe(30);
    expect(error.toJSON()).toMatchObject({ name: "RateLimitError", status: 429, retryAfter: 30 });
    expect(redactedError(RateLimitError, "slow down", {}).retryAfter).toBeUndefined();
    expect(Object.keys(error)).not.toContain("secrets");
  });

  it("TimeoutError carries timeoutMs and has no status", () => {
    const error = redactedError(TimeoutError, "GET /x timed out after 5000 ms", { timeoutMs: 5000, method: "GET", url: "/x" });
    expect(error).toBeInstanceOf(FaxPlusError);
    expect(error.name).toBe("TimeoutError");
    expect(error.status).toBeUndefined();
    expect(error.timeoutMs).toBe(5000);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "TimeoutError", timeoutMs: 5000, method: "GET", url: "/x" });
  });

  it("RedirectError keeps where it pointed without credentials, query string or secrets", () => {
    const error = redactedError(RedirectError, "moved", {
      status: 307,
      location: "https://me:pw@elsewhere.test/tok_SECRET_123/login?session=abc#top",
      secrets: ["tok_SECRET_123"],
    });
    expect(error).toBeInstanceOf(FaxPlusError);
    expect(error.name).toBe("RedirectError");
    expect(error.location).toBe("https://elsewhere.test/[redacted]/login");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "RedirectError",
      status: 307,
      location: "https://elsewhere.test/[redacted]/login",
    });
    expect(redactedError(RedirectError, "moved", {}).location).toBeUndefined();
  });

  it("ResponseTooLargeError carries the limit it exceeded", () => {
    const error = redactedError(ResponseTooLargeError, "too big", { status: 200, maxBytes: 1024 });
    expect(error).toBeInstanceOf(FaxPlusError);
    expect(error.name).toBe("ResponseTooLargeError");
    expect(error.maxBytes).toBe(1024);
    expect(error.toJSON()).toMatchObject({ name: "ResponseTooLargeError", status: 200, maxBytes: 1024 });
  });

  it("toJSON lists the base fields first and never a credential passed as secrets", () => {
    const error = redactedError(TimeoutError, "GET /x timed out", { timeoutMs: 5, method: "GET", url: "/x", secrets: ["tok_SECRET_123"] });
    expect(Object.keys(error.toJSON())).toEqual([
      "name",
      "message",
      "status",
      "code",
      "description",
      "operationId",
      "method",
      "url",
      "headers",
      "rawBody",
      "timeoutMs",
      "cause",
    ]);
    expect(JSON.stringify(error)).not.toContain("tok_SECRET_123");
  });

  it("AbortError keeps the signal's reason as its cause", () => {
    const controller = new AbortController();
    controller.abort(new Error("user cancelled"));
    const error = redactedError(AbortError, "aborted", { cause: controller.signal.reason });
    expect(error.cause).toBe(controller.signal.reason);
    expect(error.toJSON().cause).toBe("user cancelled");
  });

  it("ConnectionError keeps the network error as its cause", () => {
    const cause = new TypeError("fetch failed");
    const error = redactedError(ConnectionError, "GET /x failed: fetch failed", { cause, method: "GET", url: "/x" });
    expect(error.cause).toBe(cause);
    expect(error.status).toBeUndefined();
  });
});

describe("secrets", () => {
  const token = "tok_SECRET_123";
  const clientId = "cid_SECRET_456";
  const clientSecret = "csec_SECRET_789";
  const refreshToken = "rt_SECRET_000";
  const secrets = [token, clientId, clientSecret, refreshToken];

  const make = (ErrorClass: AnyErrorClass) =>
    redactedError(ErrorClass, `request to /x?client_id=${clientId} with Bearer ${token} failed`, {
      status: 400,
      code: `bad_${refreshToken}`,
      description: `client_secret ${clientSecret} is wrong`,
      url: `https://restapi.fax.plus/v3/x?token=${token}&client_secret=${clientSecret}&refresh_token=${refreshToken}`,
      headers: { authorization: `Bearer ${token}`, "x-fax-clientid": clientId, "set-cookie": `s=${token}`, location: `/y?t=${token}` },
      rawBody: `{"token":"${token}","client_id":"${clientId}","refresh":"${refreshToken}","secret":"${clientSecret}"}`,
      cause: new Error(`connect to ${clientId} with ${refreshToken}`),
      secrets,
    });

  it.each([
    FaxPlusError,
    BadRequestError,
    RateLimitError,
    ServerError,
    ConnectionError,
    AbortError,
  ] as AnyErrorClass[])("%o never shows a secret", (ErrorClass) => {
    const error = make(ErrorClass);
    const shown = [error.message, String(error), error.stack ?? "", JSON.stringify(error), JSON.stringify(error.headers), error.url ?? ""];
    for (const text of shown) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(error.rawBody).toBe('{"token":"[redacted]","client_id":"[redacted]","refresh":"[redacted]","secret":"[redacted]"}');
    expect(error.headers).toEqual({
      authorization: "[redacted]",
      "x-fax-clientid": "[redacted]",
      "set-cookie": "[redacted]",
      location: "/y?t=[redacted]",
    });
  });
});

describe("FaxPlusError cause", () => {
  it("keeps the cause's name and code but scrubs secrets from its message, stack and nested causes (util.inspect prints causes)", async () => {
    const { inspect } = await import("node:util");
    const inner = Object.assign(new Error("socket to https://x.test/?access_token=tok_SECRET_123 closed"), { code: "ECONNRESET" });
    const outer = new TypeError("fetch failed with Bearer tok_SECRET_123", { cause: inner });
    const error = redactedError(FaxPlusError, "GET failed", { cause: outer, secrets: ["tok_SECRET_123"] });
    const printed = inspect(error, { depth: 10 });
    expect(printed).not.toContain("tok_SECRET_123");
    expect(printed).toContain("ECONNRESET");
    expect((error.cause as Error).name).toBe("TypeError");
    expect(((error.cause as Error).cause as { code?: string }).code).toBe("ECONNRESET");
  });
});

describe("the constructor, without redactedError", () => {
  it("stores what it is given: redaction is redactedError's job, so the main entry does not carry it", () => {
    const error = new NotFoundError("GET /x?token=abc failed", { url: "/x?token=abc", headers: { Authorization: "Bearer t0k3n" } });
    expect(error.message).toBe("GET /x?token=abc failed");
    expect(error.url).toBe("/x?token=abc");
    expect(error.headers).toEqual({ authorization: "Bearer t0k3n" });
  });

  it("takes the class's default status and the same fields as redactedError", () => {
    const error = new RateLimitError("slow down", { retryAfter: 3, rawBody: "a".repeat(RAW_BODY_LIMIT + 1), cause: "why" });
    expect(error.status).toBe(429);
    expect(RateLimitError.status).toBe(429);
    expect(error.retryAfter).toBe(3);
    expect(error.rawBody).toHaveLength(RAW_BODY_LIMIT);
    expect(error.toJSON().cause).toBe("why");
    expect(new FaxPlusError("x").status).toBeUndefined();
  });
});
