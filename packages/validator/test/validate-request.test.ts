import { describe, expect, it } from "vitest";
import { validateRequest } from "../src/index.js";

const messages = (result: ReturnType<typeof validateRequest>) => (result.ok ? [] : result.issues.map((issue) => issue.message));

describe("validateRequest", () => {
  it.each([
    [
      "bulkUpdateFaxes, the published example",
      "bulkUpdateFaxes",
      { params: { path: { user_id: "self" } }, body: { ids: ["a1b2"], is_read: true, comment: "updated via bulk" } },
    ],
    [
      "listFaxes with every query parameter",
      "listFaxes",
      {
        params: {
          path: { user_id: "self" },
          query: { category: "inbox", after: "2024-01-01 00:00:00", before: "2024-02-01 00:00:00", limit: 50 },
        },
      },
    ],
    ["getAccounts (no parameters at all)", "getAccounts", {}],
    ["getWebhooks with its required query", "getWebhooks", { params: { query: { event: "fax_received" } } }],
  ])("accepts %s", (_name, operationId, parts) => {
    expect(validateRequest(operationId, parts)).toEqual({ ok: true });
  });

  it.each([
    [
      "a missing required path parameter",
      "getFax",
      { params: { path: { user_id: "self" } } },
      ["/params/path: must have required property 'fax_id'"],
    ],
    ["a missing required query parameter", "getWebhooks", { params: {} }, ["/params: must have required property 'query'"]],
    [
      "an unknown query parameter",
      "listFaxes",
      { params: { path: { user_id: "self" }, query: { page: 2 } } },
      ["/params/query/page: is not allowed (unknown property)"],
    ],
    [
      "limit out of range",
      "listFaxes",
      { params: { path: { user_id: "self" }, query: { limit: 51 } } },
      ["/params/query/limit: must be <= 50 (got 51)"],
    ],
    [
      "a badly formatted time window",
      "listFaxes",
      { params: { path: { user_id: "self" }, query: { after: "yesterday" } } },
      ['/params/query/after: must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$" (got "yesterday")'],
    ],
    [
      "a missing required body",
      "bulkUpdateFaxes",
      { params: { path: { user_id: "self" } } },
      ["/body: is required (the operation needs a request body)"],
    ],
    [
      "an invalid body",
      "bulkUpdateFaxes",
      { params: { path: { user_id: "self" } }, body: { ids: [] } },
      ["/body/ids: must have at least 1 item (got 0)", "/body: must have at least one of the properties 'is_read', 'comment'"],
    ],
    [
      "a body where none is taken",
      "deleteFax",
      { params: { path: { user_id: "self", fax_id: "f1" } }, body: { x: 1 } },
      ["/body: must be absent: deleteFax takes no request body"],
    ],
  ])("rejects %s", (_name, operationId, parts, expected) => {
    expect(messages(validateRequest(operationId, parts))).toEqual(expected);
  });

  it("does not inspect multipart bodies (uploadFile sends FormData)", () => {
    const form = new FormData();
    form.set("fax_file", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "a.pdf");
    expect(validateRequest("uploadFile", { params: { path: { user_id: "self" } }, body: form })).toEqual({ ok: true });
  });

  it("throws a TypeError naming an unknown operationId", () => {
    expect(() => validateRequest("sendPigeon", {})).toThrow('unknown operationId "sendPigeon"');
  });

  it.each([
    "toString",
    "constructor",
    "__proto__",
    "hasOwnProperty",
  ])("an operationId named like an Object.prototype member (%s) is unknown, not an inherited function", (operationId) => {
    expect(() => validateRequest(operationId, {})).toThrow(`unknown operationId "${operationId}"`);
  });
});
