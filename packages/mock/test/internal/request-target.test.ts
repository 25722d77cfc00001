import { describe, expect, it } from "vitest";
import { checkRequestTarget } from "../../src/internal/request-target.js";

describe("checkRequestTarget", () => {
  it.each([
    ["/v3/accounts/self", "/v3/accounts/self", {}],
    ["/v3/faxes?category=inbox&x=1&x=2", "/v3/faxes", { category: "inbox", x: ["1", "2"] }],
    ["/v3/a/../accounts/./self", "/v3/accounts/self", {}],
    ["/v3/accounts/caf%C3%A9?q=a+b%20c", "/v3/accounts/caf%C3%A9", { q: "a b c" }],
    ["http://elsewhere/v3/accounts/self?q=1", "/v3/accounts/self", { q: "1" }],
    ["/v3/x?__proto__=1", "/v3/x", { ["__proto__"]: "1" }],
  ])("%s → path %s", (target, path, query) => {
    const checked = checkRequestTarget(target);
    expect(checked).toEqual({ ok: true, target: { path, query } });
  });

  it.each([
    ["/v3/accounts/%ZZ", 'the request path segment "%ZZ" is not valid percent-encoded UTF-8'],
    ["/v3/%C3%28", 'the request path segment "%C3%28" is not valid percent-encoded UTF-8'],
    ["/v3/x?a=%", 'the query string part "%" is not valid percent-encoded UTF-8'],
    ["*", 'the request target "*" is not a path starting with "/"'],
    ["example.com:443", 'the request target "example.com:443" is not a path starting with "/"'],
  ])("%s is refused", (target, description) => {
    expect(checkRequestTarget(target)).toEqual({ ok: false, description });
  });
});
