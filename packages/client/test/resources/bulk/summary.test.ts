import { describe, expect, it } from "vitest";
import { AbortError, ServerError } from "../../../src/errors/index.js";
import { type Outcome, summarize } from "../../../src/resources/bulk/summary.js";

const coded = (id: string, code: number): Outcome => ({ kind: "code", result: { id, ok: code === 204, code } });
const errored = (id: string, error: Error): Outcome => ({ kind: "error", result: { id, ok: false, code: undefined, error } });
const invalid = (id: string): Outcome => ({ kind: "invalid", result: { id, ok: false, code: undefined, error: new Error("bad id") } });

describe("summarize", () => {
  it("counts successes, failures and outcomes by code; only 204 succeeds", () => {
    const outcomes = [
      coded("a", 204),
      coded("b", 204),
      coded("c", 404),
      coded("d", 409),
      invalid("e"),
      errored("f", new ServerError("boom")),
    ];
    expect(summarize(outcomes, 9, 2)).toEqual({
      total: 9,
      unique: 6,
      succeeded: 2,
      failed: 4,
      requests: 2,
      byCode: { "204": 2, "404": 1, "409": 1, invalid: 1, error: 1 },
      aborted: false,
    });
  });

  it("is aborted when an item failed with an AbortError, and only then", () => {
    const abort = new AbortError("stopped", { operationId: "bulkUpdateFaxes", method: "PUT" });
    expect(summarize([coded("a", 204), errored("b", abort)], 2, 1).aborted).toBe(true);
    expect(summarize([coded("a", 204), errored("b", new ServerError("boom"))], 2, 1).aborted).toBe(false);
  });

  it("summarizes no outcomes as all zeros", () => {
    expect(summarize([], 0, 0)).toEqual({ total: 0, unique: 0, succeeded: 0, failed: 0, requests: 0, byCode: {}, aborted: false });
  });
});
