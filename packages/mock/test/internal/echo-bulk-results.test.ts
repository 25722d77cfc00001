import { describe, expect, it } from "vitest";
import { echoBulkResults } from "../../src/internal/echo-bulk-results.js";

const example = JSON.stringify({ results: [{ id: "string", code: 204 }] });

describe("echoBulkResults", () => {
  it("answers one result per unique ID sent, in request order, with the example's code", () => {
    expect(JSON.parse(echoBulkResults(JSON.stringify({ ids: ["b", "a", "b"], is_read: true }), example) ?? "")).toEqual({
      results: [
        { id: "b", code: 204 },
        { id: "a", code: 204 },
      ],
    });
  });

  it.each([
    ["a request that is not JSON", "ids=a", example],
    ["a request without ids", JSON.stringify({ comment: "x" }), example],
    ["ids that are not all strings", JSON.stringify({ ids: ["a", 1] }), example],
    ["an answer without results", JSON.stringify({ ids: ["a"] }), JSON.stringify({ ok: true })],
    ["an answer that is not JSON", JSON.stringify({ ids: ["a"] }), "<html>"],
  ])("leaves %s alone", (_name, request, answer) => {
    expect(echoBulkResults(request, answer)).toBeUndefined();
  });
});
