import { describe, expect, it } from "vitest";
import { REDACTED, redactUrl } from "../../src/internal/redact.js";
import { redactHeaders, redactLocation, redactText, redactUrlsInText, SECRET_HEADERS, scrub } from "../../src/internal/scrub.js";

describe("SECRET_HEADERS", () => {
  it("lists the credential-bearing headers", () => {
    expect([...SECRET_HEADERS].sort()).toEqual(["authorization", "cookie", "proxy-authorization", "set-cookie", "x-fax-clientid"]);
  });
});

describe("redactHeaders", () => {
  it.each(SECRET_HEADERS.flatMap((name) => [name, name.toUpperCase()]))("redacts %s", (name) => {
    expect(redactHeaders({ [name]: "s3cret-value", "Content-Type": "application/json" })).toEqual({
      [name.toLowerCase()]: REDACTED,
      "content-type": "application/json",
    });
  });

  it("reads a Headers object, including repeated set-cookie", () => {
    const headers = new Headers([
      ["Set-Cookie", "a=1"],
      ["Set-Cookie", "b=2"],
      ["X-Fax-ClientId", "cid"],
      ["Retry-After", "30"],
    ]);
    expect(redactHeaders(headers)).toEqual({ "set-cookie": REDACTED, "x-fax-clientid": REDACTED, "retry-after": "30" });
  });

  it("joins repeated names from a record that differ only in case", () => {
    expect(redactHeaders({ Vary: "Accept", vary: "Origin" })).toEqual({ vary: "Accept, Origin" });
  });

  it("returns an empty object for undefined", () => {
    expect(redactHeaders(undefined)).toEqual({});
  });

  it("does not modify its input", () => {
    const input = { authorization: "Bearer x" };
    redactHeaders(input);
    expect(input).toEqual({ authorization: "Bearer x" });
  });
});

describe("redactUrl", () => {
  it.each([
    ["https://restapi.fax.plus/v3/accounts/self", "https://restapi.fax.plus/v3/accounts/self"],
    ["https://restapi.fax.plus/v3/x?token=abc", "https://restapi.fax.plus/v3/x?token=[redacted]"],
    ["https://restapi.fax.plus/v3/x?page=2&access_token=abc&b=1", "https://restapi.fax.plus/v3/x?page=2&access_token=[redacted]&b=1"],
    [
      "https://a.fax.plus/token?refresh_token=r&client_secret=s&code=c&password=p",
      "https://a.fax.plus/token?refresh_token=[redacted]&client_secret=[redacted]&code=[redacted]&password=[redacted]",
    ],
    ["https://a.example/x?TOKEN=abc&Client_Secret=s", "https://a.example/x?TOKEN=[redacted]&Client_Secret=[redacted]"],
    ["https://a.example/x?client%5Fsecret=s", "https://a.example/x?client%5Fsecret=[redacted]"],
    ["https://a.example/x?token=a&token=b", "https://a.example/x?token=[redacted]&token=[redacted]"],
    ["https://a.example/x?token=", "https://a.example/x?token=[redacted]"],
    ["https://a.example/x?token", "https://a.example/x?token"],
    ["https://a.example/x?tokens=keep&mytoken=keep", "https://a.example/x?tokens=keep&mytoken=keep"],
    ["https://user:pass@a.example/x", "https://a.example/x"],
    ["https://user@a.example:8443/x?y=1", "https://a.example:8443/x?y=1"],
    ["https://a.example/cb#access_token=abc&state=s", "https://a.example/cb#access_token=[redacted]&state=s"],
    ["/accounts/self/faxes?token=abc", "/accounts/self/faxes?token=[redacted]"],
    ["//user:pw@a.example/x", "//a.example/x"],
    ["/x?%E0%A4%A=1&token=t", "/x?%E0%A4%A=1&token=[redacted]"],
    ["", ""],
    ["not a url at all", "not a url at all"],
  ])("%s → %s", (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});

describe("redactText", () => {
  it.each<[string, string[], string]>([
    ["Bearer tok_SECRET_123", ["tok_SECRET_123"], "Bearer [redacted]"],
    ["a tok_SECRET_123 b tok_SECRET_123", ["tok_SECRET_123"], "a [redacted] b [redacted]"],
    ["id=cid_SECRET_456 token=tok", ["cid_SECRET_456", "tok_SECRET_123"], "id=[redacted] token=tok"],
    ["nothing here", ["", "abc"], "nothing here"],
    ["abc abcd", ["abc", "abcd"], "abc [redacted]"],
    ["secret=a%2Bb%2Fc%3D", ["a+b/c="], "secret=[redacted]"],
    ["a+b/c=", ["a+b/c="], "[redacted]"],
    ["prefix-LONGSECRET", ["LONG", "LONGSECRET"], "prefix-[redacted]"],
    ["$& $1 .*", ["$& $1 .*"], "[redacted]"],
    // As sent: fetch trims a header value, so a token read from a file is sent without its newline.
    ["Bearer tok_SECRET_123 rejected", ["tok_SECRET_123\n"], "Bearer [redacted] rejected"],
    ["tok_SECRET_123\r\n", ["  tok_SECRET_123\r\n"], "[redacted]\r\n"],
    // Echoed in JSON: quotes and backslashes escaped.
    ['{"token":"tok\\"SECRET\\\\1"}', ['tok"SECRET\\1'], '{"token":"[redacted]"}'],
  ])("%j with %j → %j", (text, secrets, expected) => {
    expect(redactText(text, secrets)).toBe(expected);
  });
});

describe("redactLocation", () => {
  it.each([
    ["https://me:pw@elsewhere.test/v3/login?session=abc#x", "https://elsewhere.test/v3/login"],
    ["/v3/accounts/self?sig=1", "/v3/accounts/self"],
    ["//user@elsewhere.test/a#frag", "//elsewhere.test/a"],
    ["https://elsewhere.test/\u0001a\u007fb", "https://elsewhere.test/ab"],
    [`https://elsewhere.test/${"a".repeat(300)}`, `https://elsewhere.test/${"a".repeat(200 - 23)}`],
  ])("%j → %j", (location, expected) => {
    expect(redactLocation(location)).toBe(expected);
  });

  it("scrubs the client's secrets from the path", () => {
    expect(redactLocation("https://elsewhere.test/tok_SECRET_123/x", ["tok_SECRET_123"])).toBe("https://elsewhere.test/[redacted]/x");
  });
});

describe("redactUrlsInText / scrub", () => {
  it("redacts secret parameters and userinfo of URLs inside text", () => {
    expect(redactUrlsInText('GET https://u:p@a.example/x?token=abc&page=1 failed ("/y?code=42")')).toBe(
      'GET https://a.example/x?token=[redacted]&page=1 failed ("/y?code=[redacted]")',
    );
  });

  it("leaves ordinary text alone", () => {
    expect(redactUrlsInText("the token is wrong; error code=42")).toBe("the token is wrong; error code=42");
  });

  it("scrub does both", () => {
    expect(scrub("Bearer tok_SECRET_123 at /x?password=hunter2", ["tok_SECRET_123"])).toBe("Bearer [redacted] at /x?password=[redacted]");
  });
});
