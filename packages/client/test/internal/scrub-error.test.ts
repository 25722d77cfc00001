import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AbortError, ConnectionError, FaxPlusError, RateLimitError, ServerError, TimeoutError } from "../../src/errors/index.js";
import { scrubError } from "../../src/internal/scrub-error.js";

const SECRET = "tok_SECRET_scrub_42";
const URL = "https://api.test/v3/accounts/self/faxes";

/** Everything a caller could print or serialise. */
const shown = (error: Error) => [error.message, error.stack ?? "", JSON.stringify(error), inspect(error, { depth: 10 })].join("\n");

describe("scrubError", () => {
  it.each([
    ["a FaxPlusError", new ServerError("PUT failed with 500", { method: "PUT", url: URL, rawBody: "oops" })],
    ["a plain error", new TypeError("fetch failed")],
  ])("returns %s without a secret as is (same object)", (_, error) => {
    expect(scrubError(error, [SECRET])).toBe(error);
  });

  it("ignores secrets shorter than 4 characters, as redaction does", () => {
    const error = new Error("abc went wrong");
    expect(scrubError(error, ["abc"])).toBe(error);
  });

  it.each([
    {
      name: "ConnectionError quoting the token in message and cause (the transport's)",
      error: new ConnectionError(`PUT ${URL} could not connect: token=${SECRET}`, {
        method: "PUT",
        url: URL,
        cause: new TypeError(`token=${SECRET}`),
      }),
      Class: ConnectionError,
      fields: { method: "PUT", url: URL, status: undefined },
    },
    {
      name: "AbortError whose abort reason quotes the token",
      error: new AbortError(`PUT ${URL} was aborted by the caller`, { method: "PUT", url: URL, cause: new Error(`stop ${SECRET}`) }),
      Class: AbortError,
      fields: { method: "PUT", url: URL },
    },
    {
      name: "TimeoutError (keeps timeoutMs)",
      error: new TimeoutError(`timed out (${SECRET})`, { method: "PUT", url: URL, timeoutMs: 1500 }),
      Class: TimeoutError,
      fields: { timeoutMs: 1500 },
    },
    {
      name: "RateLimitError (keeps status and retryAfter)",
      error: new RateLimitError("slow down", {
        status: 429,
        retryAfter: 30,
        description: `for ${SECRET}`,
        headers: { "retry-after": "30" },
      }),
      Class: RateLimitError,
      fields: { status: 429, retryAfter: 30, headers: { "retry-after": "30" } },
    },
  ])("rebuilds a $name with its class and fields, and no secret anywhere", ({ error, Class, fields }) => {
    expect(shown(error)).toContain(SECRET); // the case really carries it
    const safe = scrubError(error, [SECRET]);
    expect(safe).not.toBe(error);
    expect(safe).toBeInstanceOf(Class);
    expect(safe).toBeInstanceOf(FaxPlusError);
    expect(safe.name).toBe(error.name);
    expect(safe).toMatchObject(fields);
    expect(shown(safe)).not.toContain(SECRET);
    expect(shown(safe)).toContain("[redacted]");
  });

  it("copies a plain error as an Error with the same name and code, its cause chain scrubbed too", () => {
    const root = Object.assign(new Error(`socket closed for ${SECRET}`), { code: "ECONNRESET" });
    const error = Object.assign(new TypeError(`fetch failed: ${SECRET}`, { cause: root }), { code: "UND_ERR" });
    const safe = scrubError(error, [SECRET]);
    expect(safe.name).toBe("TypeError");
    expect(safe.message).toBe("fetch failed: [redacted]");
    expect((safe as { code?: unknown }).code).toBe("UND_ERR");
    expect((safe.cause as Error).message).toBe("socket closed for [redacted]");
    expect((safe.cause as { code?: unknown }).code).toBe("ECONNRESET");
    expect(shown(safe)).not.toContain(SECRET);
  });

  it("finds a secret only in a cause, and terminates on a cyclic cause chain", () => {
    const a = new Error("outer");
    const b = new Error(`inner ${SECRET}`, { cause: a });
    a.cause = b;
    const safe = scrubError(a, [SECRET]);
    expect(safe).not.toBe(a);
    expect(JSON.stringify(safe)).not.toContain(SECRET);
    expect(inspect(safe, { depth: 10 })).not.toContain(SECRET);
  });
});
