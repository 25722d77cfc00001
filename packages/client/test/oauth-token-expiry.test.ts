import { describe, expect, it } from "vitest";
import { expiresInSeconds, renewAt } from "../src/oauth/token-expiry.js";

describe("when a token is refreshed ahead of its expiry", () => {
  const expiresAt = 1_000_000_000;
  it.each([
    { expiresIn: 3600, due: expiresAt - 60_000, why: "60 s before, for a one-hour token" },
    { expiresIn: 600, due: expiresAt - 60_000, why: "60 s before, for a ten-minute token (10% is exactly 60 s)" },
    { expiresIn: 300, due: expiresAt - 30_000, why: "10% of a five-minute lifetime" },
    { expiresIn: 10, due: expiresAt - 1_000, why: "10% of a ten-second lifetime" },
    { expiresIn: 0, due: expiresAt, why: "at expiry, for a token that is born expired" },
    { expiresIn: undefined, due: expiresAt - 60_000, why: "60 s before, when the lifetime is unknown" },
  ])("expires_in $expiresIn → $why", ({ expiresIn, due }) => {
    expect(renewAt({ expiresAt, expiresIn })).toBe(due);
  });

  it("never, when the expiry is unknown: the token is used until a 401", () => {
    expect(renewAt({ expiresIn: 3600 })).toBeUndefined();
    expect(renewAt({})).toBeUndefined();
  });

  it.each([
    [3600, 3600],
    ["3600", 3600],
    [0, 0],
    [-1, undefined],
    ["1e3", undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [null, undefined],
  ])("expires_in %j is read as %j seconds", (raw, seconds) => {
    expect(expiresInSeconds(raw)).toBe(seconds);
  });
});
