import { describe, expect, it } from "vitest";
import { authorizationUrl, memoryTokenStore } from "../src/oauth.js";

const base = { clientId: "cid_123", redirectUri: "http://localhost:3000/callback", state: "st 8&x=y" };

describe("authorizationUrl", () => {
  it("builds the spec's login URL with response_type=code, the client, the redirect, scope=all and the state, all encoded", () => {
    expect(authorizationUrl(base)).toBe(
      "https://accounts.fax.plus/login?response_type=code&client_id=cid_123" +
        "&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&scope=all&state=st+8%26x%3Dy",
    );
  });

  it("round-trips every value through URLSearchParams, the state exactly as given", () => {
    const state = "  ünïcode/?#&=+%20  ";
    const params = new URL(authorizationUrl({ ...base, state, scope: "read write" })).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      response_type: "code",
      client_id: "cid_123",
      redirect_uri: "http://localhost:3000/callback",
      scope: "read write",
      state,
    });
  });

  it("keeps a custom authorizationUrl's own parameters and replaces (never repeats) the ones it sets", () => {
    const url = new URL(authorizationUrl({ ...base, authorizationUrl: "https://login.example/authorize?lang=fr&scope=none" }));
    expect(url.origin + url.pathname).toBe("https://login.example/authorize");
    expect(url.searchParams.get("lang")).toBe("fr");
    expect(url.searchParams.getAll("scope")).toEqual(["all"]);
  });

  it.each([
    ["state", { state: "" }],
    ["state", { state: "   " }],
    ["state", { state: undefined }],
    ["clientId", { clientId: "" }],
    ["redirectUri", { redirectUri: undefined }],
  ])("refuses a missing or empty %s with a TypeError naming it", (name, override) => {
    const call = () => authorizationUrl({ ...base, ...override } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(`^OAuth2: ${name} must (be a string|not be empty)$`));
  });

  it.each([
    "clientId",
    "redirectUri",
    "state",
    "scope",
    "authorizationUrl",
  ])("refuses CR, LF or NUL in %s with a TypeError that does not quote the value", (name) => {
    for (const bad of ["SECRET_VALUE\r\nX-Injected: 1", "SECRET_VALUE\n", "SECRET_VALUE\0"]) {
      const value = name === "authorizationUrl" ? `https://accounts.fax.plus/login?${bad}` : bad;
      let thrown: unknown;
      try {
        authorizationUrl({ ...base, [name]: value });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect((thrown as Error).message).toContain(name);
      expect((thrown as Error).message).not.toContain("SECRET_VALUE");
    }
  });

  it("refuses an authorizationUrl that is not an absolute http(s) URL", () => {
    expect(() => authorizationUrl({ ...base, authorizationUrl: "/login" })).toThrow(TypeError);
    expect(() => authorizationUrl({ ...base, authorizationUrl: "javascript:alert(1)" })).toThrow(/http\(s\)/);
  });
});

describe("memoryTokenStore", () => {
  it("starts empty, returns what was set, and keeps its own copy", async () => {
    const store = memoryTokenStore();
    expect(await store.get()).toBeUndefined();
    const token = { accessToken: "at_1", refreshToken: "rt_1", expiresAt: 1_000 };
    await store.set(token);
    token.accessToken = "changed by the caller";
    const got = await store.get();
    expect(got).toEqual({ accessToken: "at_1", refreshToken: "rt_1", expiresAt: 1_000 });
    if (got) got.accessToken = "changed again";
    expect((await store.get())?.accessToken).toBe("at_1");
  });

  it("can start with a token", async () => {
    expect(await memoryTokenStore({ accessToken: "at_0" }).get()).toEqual({ accessToken: "at_0" });
  });
});
