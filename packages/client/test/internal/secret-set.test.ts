import { describe, expect, it } from "vitest";
import { SECRET_SET_LIMIT, SecretSet } from "../../src/internal/secret-set.js";

describe("SecretSet", () => {
  it("remembers each credential once and ignores empty ones", () => {
    const set = new SecretSet(["tok", undefined, ""]);
    set.add("tok");
    set.add("cid");
    expect(set.list()).toEqual(["tok", "cid"]);
  });

  it("keeps only the most recent values of a rotating token", () => {
    const set = new SecretSet();
    const values = Array.from({ length: SECRET_SET_LIMIT + 2 }, (_, i) => `t${i}`);
    for (const value of values) set.add(value);
    expect(set.list()).toEqual(values.slice(2));
  });
});
