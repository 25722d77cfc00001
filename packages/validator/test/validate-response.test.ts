import { describe, expect, it } from "vitest";
import { validateResponse } from "../src/index.js";

const fax = {
  id: "5e7de3ad54cfd54eb568cc76",
  owner_id: "7724157c0974440293e45877c57f0703",
  pages: 2,
  status: "success",
  comment: "",
  cost_details: { multiplier: 1, notification_cost: 0 },
};

describe("validateResponse", () => {
  it("accepts a documented JSON response", () => {
    expect(validateResponse("listFaxes", 200, { data: { records: [fax] } })).toEqual({ ok: true, drift: [] });
    expect(
      validateResponse("bulkUpdateFaxes", 200, {
        results: [
          { id: "a", code: 204 },
          { id: "b", code: 404 },
        ],
      }),
    ).toEqual({ ok: true, drift: [] });
  });

  it("checks error bodies against the status's schema", () => {
    expect(validateResponse("bulkUpdateFaxes", 400, { error: "invalid_user_id", description: "Invalid user id given" }).ok).toBe(true);
    const result = validateResponse("bulkUpdateFaxes", 500, { error: 5 });
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual(["/error: must be string (got integer)"]);
  });

  it("rejects an undocumented status and names the documented ones", () => {
    const result = validateResponse("bulkUpdateFaxes", 418, {});
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      "/: status 418 is not documented for bulkUpdateFaxes (documented: 200, 400, 401, 500)",
    ]);
  });

  it("requires an empty body for a bodiless status and skips binary bodies", () => {
    expect(validateResponse("deleteFax", 204, undefined).ok).toBe(true);
    expect(validateResponse("deleteFax", 204, { unexpected: true }).ok).toBe(false);
    expect(validateResponse("getFile", 200, new Uint8Array([37, 80, 68, 70])).ok).toBe(true);
  });

  it("strict by default: an unknown property or enum value is an issue", () => {
    const result = validateResponse("bulkUpdateFaxes", 200, { results: [{ id: "a", code: 202, retry: true }] });
    expect(result.ok ? [] : result.issues.map((i) => i.keyword).sort()).toEqual(["additionalProperties", "enum"]);
  });

  it("drift-tolerant: unknown properties and enum values pass and are reported as drift", () => {
    const result = validateResponse("bulkUpdateFaxes", 200, { results: [{ id: "a", code: 202, retry: true }] }, { tolerateDrift: true });
    expect(result.ok).toBe(true);
    expect(result.drift).toEqual([
      { path: "/results/0/code", kind: "unknown-enum-value", value: 202 },
      { path: "/results/0/retry", kind: "unknown-property", value: true },
    ]);
  });

  it("drift-tolerant still rejects real contract breaks", () => {
    const result = validateResponse("bulkUpdateFaxes", 200, { results: [{ code: 204 }] }, { tolerateDrift: true });
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual(["/results/0: must have required property 'id'"]);
  });
});
