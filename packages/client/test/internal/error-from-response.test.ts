import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  FaxPlusError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from "../../src/errors/index.js";
import { errorFromResponse } from "../../src/internal/error-from-response.js";

const URL_ = "https://restapi.fax.plus/v3/accounts/self/faxes";
const context = { operationId: "bulkUpdateFaxes", method: "PUT", url: URL_, secrets: [] as string[] };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

afterEach(() => {
  vi.useRealTimers();
});

describe("errorFromResponse: status → class", () => {
  it.each([
    [400, BadRequestError, "BadRequestError"],
    [401, AuthenticationError, "AuthenticationError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [409, ConflictError, "ConflictError"],
    [429, RateLimitError, "RateLimitError"],
    [500, ServerError, "ServerError"],
    [502, ServerError, "ServerError"],
    [503, ServerError, "ServerError"],
    [504, ServerError, "ServerError"],
    [599, ServerError, "ServerError"],
    [405, FaxPlusError, "FaxPlusError"],
    [410, FaxPlusError, "FaxPlusError"],
    [418, FaxPlusError, "FaxPlusError"],
    [422, FaxPlusError, "FaxPlusError"],
  ] as const)("%i → %s", async (status, ErrorClass, name) => {
    const error = await errorFromResponse(json(status, { error: "e", description: "d" }), context);
    expect(error).toBeInstanceOf(FaxPlusError);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.operationId).toBe("bulkUpdateFaxes");
    expect(error.method).toBe("PUT");
    expect(error.url).toBe(URL_);
  });
});

describe("errorFromResponse: bodies", () => {
  it("uses the API's error and description", async () => {
    const error = await errorFromResponse(json(400, { error: "invalid_user_id", description: "Invalid user id given" }), context);
    expect(error.message).toBe(`PUT ${URL_} (bulkUpdateFaxes) failed with 400 invalid_user_id: Invalid user id given`);
    expect(error.code).toBe("invalid_user_id");
    expect(error.description).toBe("Invalid user id given");
    expect(error.rawBody).toBe('{"error":"invalid_user_id","description":"Invalid user id given"}');
    expect(error.headers).toEqual({ "content-type": "application/json" });
  });

  it.each([
    [{ error: "not_found" }, " not_found", "not_found", undefined],
    [{ description: "No such fax" }, ": No such fax", undefined, "No such fax"],
    [{ error: 42, description: ["x"] }, ': {"error":42,"description":["x"]}', undefined, undefined],
    [{ error: "", description: "" }, ': {"error":"","description":""}', undefined, undefined],
    [{ message: "other shape" }, ': {"message":"other shape"}', undefined, undefined],
    [["error", "description"], ': ["error","description"]', undefined, undefined],
    [null, ": null", undefined, undefined],
    ["just a string", ': "just a string"', undefined, undefined],
  ])("JSON body %j → message suffix %j", async (body, suffix, code, description) => {
    const error = await errorFromResponse(json(404, body), context);
    expect(error.message).toBe(`PUT ${URL_} (bulkUpdateFaxes) failed with 404${suffix}`);
    expect(error.code).toBe(code);
    expect(error.description).toBe(description);
  });

  it("says (empty body) for an empty body", async () => {
    const error = await errorFromResponse(new Response(null, { status: 500 }), context);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe(`PUT ${URL_} (bulkUpdateFaxes) failed with 500 (empty body)`);
    expect(error.rawBody).toBe("");
    expect(error.code).toBeUndefined();
  });

  it("treats a whitespace-only body as empty", async () => {
    const error = await errorFromResponse(new Response(" \n\t ", { status: 500 }), context);
    expect(error.message).toBe(`PUT ${URL_} (bulkUpdateFaxes) failed with 500 (empty body)`);
    expect(error.rawBody).toBe(" \n\t ");
  });

  it("quotes a malformed JSON body as is", async () => {
    const error = await errorFromResponse(
      new Response('{"error":', { status: 400, headers: { "content-type": "application/json" } }),
      context,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe(`PUT ${URL_} (bulkUpdateFaxes) failed with 400: {"error":`);
    expect(error.code).toBeUndefined();
    expect(error.rawBody).toBe('{"error":');
  });

  it("quotes the first 200 characters of an HTML gateway page, whitespace collapsed", async () => {
    const html = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n${"<p>   padding   </p>\n".repeat(30)}</body>\r\n</html>\r\n`;
    const error = await errorFromResponse(new Response(html, { status: 502, headers: { "content-type": "text/html" } }), context);
    expect(error).toBeInstanceOf(ServerError);
    const prefix = `PUT ${URL_} (bulkUpdateFaxes) failed with 502: `;
    expect(
      error.message.startsWith(
        `${prefix}<html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad Gateway</h1></center> <p> padding </p>`,
      ),
    ).toBe(true);
    const quoted = error.message.slice(prefix.length);
    expect(quoted).toHaveLength(201);
    expect(quoted.endsWith("…")).toBe(true);
    expect(quoted).not.toMatch(/\s{2}|[\r\n\t]/);
    expect(error.rawBody).toBe(html);
    expect(error.headers).toEqual({ "content-type": "text/html" });
  });

  it("does not add an ellipsis when the body fits", async () => {
    const error = await errorFromResponse(new Response("Bad Gateway", { status: 502 }), context);
    expect(error.message).toBe(`PUT ${URL_} (bulkUpdateFaxes) failed with 502: Bad Gateway`);
  });

  it("keeps at most 2,000 characters of the raw body", async () => {
    const error = await errorFromResponse(new Response("x".repeat(10_000), { status: 503 }), context);
    expect(error.rawBody).toHaveLength(2000);
  });

  it("never throws when reading the body fails", async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("connection reset"));
      },
    });
    const error = await errorFromResponse(new Response(body, { status: 503 }), context);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.rawBody).toBe("");
    expect(error.message).toBe(`PUT ${URL_} (bulkUpdateFaxes) failed with 503 (empty body)`);
  });

  it("never throws when the body was already read", async () => {
    const response = json(400, { error: "x" });
    await response.text();
    const error = await errorFromResponse(response, context);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.rawBody).toBe("");
  });

  it("never throws when text() rejects", async () => {
    const response = new Response("x", { status: 401 });
    vi.spyOn(response, "text").mockRejectedValue(new TypeError("terminated"));
    const error = await errorFromResponse(response, context);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.rawBody).toBe("");
  });

  it("leaves the operation out of the message when unknown, and upper-cases the method", async () => {
    const error = await errorFromResponse(new Response(null, { status: 404 }), { method: "get", url: "/hooks/1", secrets: [] });
    expect(error.message).toBe("GET /hooks/1 failed with 404 (empty body)");
    expect(error.operationId).toBeUndefined();
    expect(error.method).toBe("GET");
  });
});

describe("errorFromResponse: Retry-After", () => {
  const at429 = (retryAfter?: string) =>
    errorFromResponse(json(429, { error: "rate_limited" }, retryAfter === undefined ? {} : { "retry-after": retryAfter }), context);

  it("reads delta-seconds", async () => {
    const error = await at429("120");
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(error.headers["retry-after"]).toBe("120");
    expect(error.message).toBe(`PUT ${URL_} (bulkUpdateFaxes) failed with 429 rate_limited`);
  });

  it("reads an HTTP date relative to now", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2025-01-01T00:00:00Z"));
    const error = (await at429("Wed, 01 Jan 2025 00:01:30 GMT")) as RateLimitError;
    expect(error.retryAfter).toBe(90);
  });

  it.each([["soon"], [""], ["-5"], ["1e3"], ["Wed, 99 Foo 2025 99:99:99 GMT"]])("is undefined for %j", async (value) => {
    const error = (await at429(value)) as RateLimitError;
    expect(error.retryAfter).toBeUndefined();
  });

  it("is undefined without the header", async () => {
    const error = (await at429()) as RateLimitError;
    expect(error.retryAfter).toBeUndefined();
  });
});

describe("errorFromResponse: secrets never leak", () => {
  const token = "tok_SECRET_123";
  const clientId = "cid_SECRET_456";
  const clientSecret = "csec_SECRET_789";
  const refreshToken = "rt_SECRET_000";
  const secrets = [token, clientId, clientSecret, refreshToken];
  const url = `https://restapi.fax.plus/v3/accounts/self/faxes?token=${token}&client_id=${clientId}&client_secret=${clientSecret}&refresh_token=${refreshToken}`;
  const responseHeaders = {
    authorization: `Bearer ${token}`,
    "x-fax-clientid": clientId,
    "set-cookie": `refresh=${refreshToken}; HttpOnly`,
    "x-echo": `client ${clientId} secret ${clientSecret}`,
    location: `/oauth?code=${token}`,
  };

  const shown = (error: FaxPlusError) => [
    error.message,
    String(error),
    error.stack ?? "",
    JSON.stringify(error),
    JSON.stringify(error.headers),
    error.url ?? "",
    error.rawBody ?? "",
    error.code ?? "",
    error.description ?? "",
  ];

  it.each([
    [
      "JSON error body",
      400,
      JSON.stringify({ error: `bad_token_${token}`, description: `client ${clientId} with secret ${clientSecret} / ${refreshToken}` }),
    ],
    [
      "HTML page",
      502,
      `<html><body>Upstream rejected Authorization: Bearer ${token} for ${clientId} (${clientSecret}, ${refreshToken})</body></html>`,
    ],
    [
      "malformed JSON",
      401,
      `{"error": "invalid_token", "token": "${token}", "client_id": "${clientId}", "client_secret": "${clientSecret}"`,
    ],
    ["URL-encoded echo", 403, `client_secret=${encodeURIComponent(clientSecret)}&refresh_token=${refreshToken}&id=${clientId}&t=${token}`],
    ["secret at the 200/2,000 cut", 500, `${"x".repeat(195)}${token}${"y".repeat(1790)}${clientSecret}${refreshToken}${clientId}`],
    ["rate limited", 429, `{"error":"rate_limited","description":"slow down ${token}"}`],
  ])("%s (%i)", async (_label, status, body) => {
    const response = new Response(body, { status, headers: responseHeaders });
    const error = await errorFromResponse(response, { operationId: "bulkUpdateFaxes", method: "PUT", url, secrets });
    for (const text of shown(error))
      for (const secret of [...secrets, encodeURIComponent(clientSecret)]) expect(text).not.toContain(secret);
    expect(error.url).toBe(
      "https://restapi.fax.plus/v3/accounts/self/faxes?token=[redacted]&client_id=[redacted]&client_secret=[redacted]&refresh_token=[redacted]",
    );
    expect(error.headers).toMatchObject({
      authorization: "[redacted]",
      "x-fax-clientid": "[redacted]",
      "set-cookie": "[redacted]",
      "x-echo": "client [redacted] secret [redacted]",
      location: "/oauth?code=[redacted]",
    });
    expect(error.message).toContain("[redacted]");
  });

  it("redacts the query's secret parameters even without a secrets list", async () => {
    const error = await errorFromResponse(new Response(null, { status: 404, headers: responseHeaders }), {
      method: "GET",
      url: `https://user:pw@restapi.fax.plus/v3/x?access_token=${token}&password=${clientSecret}`,
      secrets: [],
    });
    expect(error.message).toBe(
      "GET https://restapi.fax.plus/v3/x?access_token=[redacted]&password=[redacted] failed with 404 (empty body)",
    );
    expect(JSON.stringify(error)).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain("user:pw");
    expect(JSON.stringify(error.headers)).not.toContain(token);
  });
});
