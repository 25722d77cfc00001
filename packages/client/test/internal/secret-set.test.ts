import { describe, expect, it } from "vitest";
import { SecretSet } from "../../src/internal/secret-set.js";

describe("SecretSet", () => {
  it("remembers each credential once and ignores empty ones", () => {
    const set = new SecretSet(["tok", undefined, ""]);
    set.add("tok");
    set.add("cid");
    expect(set.list()).toEqual(["tok", "cid"]);
  });

  it("keeps only the most recent values of a rotating token", () => {
    const set = new SecretSet([], 3);
    for (const value of ["t1", "t2", "t3", "t4"]) set.add(value);
    expect(set.list()).toEqual(["t2", "t3", "t4"]);
  });
});
