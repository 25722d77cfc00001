/**
 * `fax.faxes.bulkUpdateAll` beyond the API's 100 IDs per request: 250 input IDs of which 240
 * are unique (10 repeats) must go out as exactly 3 requests (100 + 100 + 40) and come back as
 * 250 results in input order, repeats marked. On the fake the 240 IDs are faxes of the account.
 */
import type { BulkUpdateAllResult } from "@faxkit/client";
import { fixtures } from "@faxkit/mock";
import { describe, expect, it } from "vitest";
import { backendForFile, onFake, socketFetch } from "./helpers/backend.js";
import { contractClient } from "./helpers/client.js";
import { sendJson, startStub } from "./helpers/stub-server.js";

const UNIQUE = Array.from({ length: 240 }, (_, i) => `66df09cf1d6d0b295c${i.toString(16).padStart(6, "0")}`);
const server = backendForFile({ seed: { faxes: UNIQUE.map((id) => fixtures.fax({ id })) } });
/** 250 IDs: the 240 unique ones with 10 of them repeated, each repeat right after a later ID. */
const IDS = (() => {
  const out = [...UNIQUE];
  for (let k = 0; k < 10; k++) out.splice(25 * k + 20, 0, UNIQUE[k * 7] as string);
  return out;
})();
const REPEAT_POSITIONS = IDS.flatMap((id, index) => (IDS.indexOf(id) < index ? [index] : []));

function expectOrderedResults({ results, summary }: BulkUpdateAllResult): void {
  expect(results).toHaveLength(250);
  expect(results.map((r) => r.id)).toEqual(IDS);
  expect(results.flatMap((r, index) => (r.duplicate ? [index] : []))).toEqual(REPEAT_POSITIONS);
  expect(summary).toMatchObject({ total: 250, unique: 240, requests: 3, aborted: false });
}

describe("fax.faxes.bulkUpdateAll with 250 IDs (240 unique)", () => {
  it("the input really is 250 IDs with duplicates and 201–300 unique ones", () => {
    expect(IDS).toHaveLength(250);
    expect(new Set(IDS).size).toBe(240);
    expect(REPEAT_POSITIONS).toHaveLength(10);
  });

  it(`against the ${onFake ? "fake" : "mock"}: exactly 3 requests, 250 results in input order`, async () => {
    const { fax, sent } = contractClient(server.url, { maxRetries: 2 });
    const outcome = await fax.faxes.bulkUpdateAll({ ids: IDS, is_read: true });

    expect(sent).toHaveLength(3);
    expect(sent.every((r) => r.method === "PUT" && r.url.pathname === "/v3/accounts/self/faxes")).toBe(true);
    expectOrderedResults(outcome);
    // Prism: the mock answers each chunk with one result per ID sent (Prism's own static example
    // names a single made-up ID; the mock's front server rewrites it). The fake holds every ID.
    expect(outcome.summary).toMatchObject({ succeeded: 240, failed: 0, byCode: { "204": 240 } });
    expect(outcome.results.every((r) => r.ok && r.code === 204)).toBe(true);
  });

  it("against a loopback stub that records the bodies: chunks of 100/100/40, each unique ID sent exactly once", async () => {
    const chunks: string[][] = [];
    const server = await startStub((request, response) => {
      const body = JSON.parse(request.body.toString("utf8")) as { ids: string[]; is_read: boolean };
      chunks.push(body.ids);
      sendJson(response, 200, { results: body.ids.map((id) => ({ id, code: 204 })) });
    });
    try {
      // The stub is a real loopback server: on the msw project the global fetch is MSW's, which refuses it.
      const { fax, sent } = contractClient(server.url, { maxRetries: 2, fetch: socketFetch });
      const outcome = await fax.faxes.bulkUpdateAll({ ids: IDS, is_read: true });

      expect(sent).toHaveLength(3);
      expectOrderedResults(outcome);
      expect(outcome.summary).toMatchObject({ succeeded: 240, failed: 0, byCode: { "204": 240 } });
      expect(outcome.results.every((r) => r.ok && r.code === 204)).toBe(true);
      expect(chunks.map((c) => c.length).sort((a, b) => a - b)).toEqual([40, 100, 100]);
      expect(chunks.flat().sort()).toEqual([...UNIQUE].sort());
    } finally {
      await server.close();
    }
  });
});
