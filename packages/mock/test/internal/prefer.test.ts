import { describe, expect, it } from "vitest";
import { answerPreference } from "../../src/internal/prefer.js";

describe("answerPreference", () => {
  it.each([
    ["code=404", {}, { code: 404 }],
    ['example="a, b", code=500; x=1', {}, { code: 500, exampleKey: "a, b" }],
    ["dynamic=true, seed=7", {}, { dynamic: true, seed: "7" }],
    ["code=404, code=500", {}, { code: 404 }],
    [undefined, { __code: "401", __dynamic: "false" }, { code: 401, dynamic: false }],
    ["respond-async", { __code: "401" }, {}],
  ])("%s with query %j → %j", (header, query, preference) => {
    expect(answerPreference(header, query as Record<string, string>)).toEqual({ ok: true, preference });
  });

  it.each([
    ["code=abc", 'the preference code="abc" must be a three-digit status'],
    ["dynamic=yes", 'the preference dynamic="yes" must be true or false'],
  ])("%s is refused", (header, description) => {
    expect(answerPreference(header, {})).toEqual({ ok: false, description });
  });
});
