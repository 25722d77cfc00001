import { type MockServer, startMock } from "@faxkit/mock";
import { specInfo } from "@faxkit/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runQuickstart } from "../quickstart.js";
import { collect, recordingFetch, TOKEN } from "./support/recording.js";

// `pnpm start --prism`: every step against Prism, which answers each call with the spec's example.
let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

describe("runQuickstart against the Prism mock", () => {
  it("prints every part of the session, and says where a static mock keeps no state", async () => {
    const out = collect();
    const { calls, fetch } = recordingFetch();
    const result = await runQuickstart({ baseUrl: mock.url, token: TOKEN, log: out.log, tty: false, fetch, deliveryTimeout: 1_500 });
    const text = out.text();

    // 1. spec info, 2. account, 3. a page of faxes: the spec's examples
    expect(text).toContain(
      `1. Spec: ${specInfo.title} ${specInfo.version} (OpenAPI ${specInfo.openapi}), ${specInfo.operationCount} operations`,
    );
    expect(text).toMatch(/2\. Account: John Smith <sample@fax\.plus>/);
    expect(text).toMatch(/3\. Faxes \(inbox, first page of up to 10\): 1 record\n {3}5e7de3ad54cfd54eb568cc76 /);
    // 4. 250 IDs in 3 chunks with a progress bar; the mock names each ID; the read-back is the example page
    expect(text).toContain("4. Marking 250 faxes read");
    const progress = out.progress();
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toContain("250/250");
    expect(text).toMatch(/250 results in 3 requests: 250 succeeded, 0 failed\n {3}by code: 204 \(marked\) × 250/);
    expect(result.bulk).toMatchObject({ total: 250, requests: 3 });
    expect(text).toContain(
      "   read back: 0 of 1 faxes on the first inbox page are read\n   (a static mock answers with the spec's example page",
    );
    // 5. the validation error, caught before anything was sent
    expect(text).toContain("5. Validation: bulkUpdate with 101 IDs rejected before sending (0 requests sent):");
    expect(text).toContain("FaxValidationError: invalid bulkUpdateFaxes request: /body/ids: must have at most 100 items (got 101)");
    // 6. sendFiles: one upload, one send
    expect(text).toMatch(/6\. Sent quickstart\.pdf \(\d+ bytes, uploaded as \/storage\/\S+\.pdf\) from \+12345667 to \+12345688/);
    expect(result.uploadedPath).toMatch(/^\/storage\//);
    // 7. The static mock keeps the entry as its example has it: the wait ends with what it last saw.
    expect(text).toMatch(/7\. Waiting for delivery:\n {3}no final status within 1500 ms: \w+ outbox submitted, \w+ outbox submitted\n/);
    expect(text).toContain("a static mock keeps every outbox entry where its example is");
    expect(result.delivery).toEqual(["submitted", "submitted"]); // the spec's example sends to two numbers
    expect(result.clockSteps).toBeUndefined();
    // 8. the update is accepted, and the read-back is the spec's example fax, said so
    const firstId = Object.values(result.sentIds ?? {})[0];
    expect(text).toContain(`8. Marked ${firstId} read; read back: 5e7de3ad54cfd54eb568cc76 is unread`);
    expect(text).toContain("(a static mock answers with the spec's example fax: it keeps no state)");
    expect(result.markedRead).toMatchObject({ id: firstId, readBackId: "5e7de3ad54cfd54eb568cc76" });

    const outboxPolls = calls.filter((call) => call.method === "GET" && call.path.startsWith("/v3/accounts/self/outbox/"));
    // One request per id per poll (2 ids), a poll at 0, 0.5, 1.25 s and maybe one at the end.
    expect(outboxPolls.length).toBeGreaterThanOrEqual(4);
    expect(outboxPolls.length).toBeLessThanOrEqual(10);
    expect(calls.filter((call) => call.method === "PUT")).toHaveLength(4); // the bulk chunks and the update
    expect(out.lines.at(-1)).toBe(`Done: ${10 + outboxPolls.length} requests sent (GET ${4 + outboxPolls.length}, PUT 4, POST 2).`);
    expect(text).not.toContain(TOKEN);
  });

  it("with readOnly: true makes no write request", async () => {
    const out = collect();
    const { calls, fetch } = recordingFetch();
    const result = await runQuickstart({ baseUrl: mock.url, token: TOKEN, readOnly: true, log: out.log, fetch });
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(["GET /v3/accounts/self", "GET /v3/accounts/self/faxes"]);
    expect(result.requests).toEqual({ GET: 2 });
    expect(result.bulk).toBeUndefined();
    expect(out.text()).toContain("(read-only)");
    expect(out.text()).not.toContain("4. Marking");
    expect(out.text()).toContain("Read-only: nothing was changed. 2 requests sent (GET 2).");
  });
});
