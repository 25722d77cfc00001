import { describe, expect, it } from "vitest";
import { checkCredentials } from "../../src/internal/credentials.js";

describe("checkCredentials", () => {
  it("trims surrounding whitespace of every string, in place, and leaves other values alone", () => {
    const onRefresh = () => undefined;
    const values = { token: "pat_123\n", clientId: " cid\r\n", clientSecret: "\tcs ", onRefresh, missing: undefined };
    expect(checkCredentials(values)).toBe(values);
    expect(values).toEqual({ token: "pat_123", clientId: "cid", clientSecret: "cs", onRefresh, missing: undefined });
  });

  it.each(["a\nb", "a\rb", "a\r\nX-Evil: 1", "a\0b"])("%j inside is a TypeError naming the option, not quoting it", (value) => {
    expect(() => checkCredentials({ refreshToken: `rt_SECRET_${value}` }, "oauth.")).toThrow(
      new TypeError("oauth.refreshToken must not contain a line break or NUL (not shown)"),
    );
  });
});
