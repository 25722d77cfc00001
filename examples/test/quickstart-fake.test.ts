import { createFaxPlusClient } from "@faxkit/client";
import type { FakeServer } from "@faxkit/mock";
import { specInfo } from "@faxkit/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bulkIds, runQuickstart, startQuickstartFake } from "../quickstart.js";
import { collect, recordingFetch, TOKEN } from "./support/recording.js";

// The default `pnpm start`: every step against the stateful fake, whose state each step changes.
let fake: FakeServer;
beforeAll(async () => {
  fake = await startQuickstartFake();
});
afterEach(() => fake.reset()); // back to the seeded 250 unread faxes, the clock on real time
afterAll(() => fake?.stop());

/** One full session against the fake, its clock moved on by the quickstart. */
async function session(extra: { tty?: boolean; write?: (chunk: string) => void } = {}) {
  const out = collect();
  const { calls, fetch } = recordingFetch();
  const result = await runQuickstart({
    baseUrl: fake.url,
    token: TOKEN,
    log: out.log,
    tty: false,
    fetch,
    clock: fake.clock,
    deliveryTimeout: 20_000,
    ...extra,
  });
  return { out, calls, result };
}

describe("runQuickstart against the stateful fake", () => {
  it("shows the spec, the fake's account and a first page of the seeded unread faxes", async () => {
    const { out, result } = await session();
    const text = out.text();
    expect(out.lines[0]).toBe(`faxkit quickstart`);
    expect(text).toContain(
      `1. Spec: ${specInfo.title} ${specInfo.version} (OpenAPI ${specInfo.openapi}), ${specInfo.operationCount} operations`,
    );
    expect(text).toContain("2. Account: Ada Admin <admin@example.com>");
    expect(text).toContain("3. Faxes (inbox, first page of up to 10): 10 records");
    const firstPage = out.lines.slice(out.lines.indexOf("3. Faxes (inbox, first page of up to 10): 10 records") + 1).slice(0, 10);
    expect(firstPage.every((line) => line.endsWith("(unread)"))).toBe(true);
    expect(firstPage.every((line) => bulkIds().includes(line.trim().split(/\s+/)[0] as string))).toBe(true);
    expect(result.faxesListed).toBe(10);
  });

  it("marks the 250 seeded faxes read with a progress bar, and the first page reads back as read", async () => {
    const { out, result } = await session();
    const text = out.text();
    expect(text).toContain("4. Marking 250 faxes read (chunks of 100, 2 at a time):");
    const progress = out.progress();
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(5);
    expect(progress.at(-1)).toContain("250/250  250 ok, 0 failed");
    expect(text).not.toContain("\r");
    expect(text).toContain("250 results in 3 requests: 250 succeeded, 0 failed\n   by code: 204 (marked) × 250");
    expect(result.bulk).toEqual({ total: 250, succeeded: 250, failed: 0, requests: 3, byCode: { "204": 250 } });
    expect(text).toContain("   read back: 10 of 10 faxes on the first inbox page are read");
    expect(result.bulkReadBack).toEqual({ read: 10, of: 10 });
    expect(text).not.toContain("keeps no state");
    // The fake really holds them as read: a client of our own lists no unread fax among them.
    const reader = createFaxPlusClient({ baseUrl: fake.url, token: "reader" });
    const page = await reader.faxes.list({ category: "inbox", limit: 50 });
    expect(page.data?.records?.map((record) => record.is_read)).toEqual(Array(50).fill(true));
  });

  it("stops the over-long bulk request in the validator: nothing is sent", async () => {
    const { out, result } = await session();
    expect(out.text()).toContain("5. Validation: bulkUpdate with 101 IDs rejected before sending (0 requests sent):");
    expect(result.validationError).toContain("/body/ids: must have at most 100 items (got 101)");
    expect(result.validationError).toContain("/body/ids/100: must be at most 32 characters (got 33)");
    expect(fake.requests.filter((request) => request.operationId === "bulkUpdateFaxes")).toHaveLength(3);
  });

  it("sends the PDF, walks it through the outbox on the fake clock and waits until it is delivered", async () => {
    const { out, result, calls } = await session();
    const text = out.text();
    expect(text).toMatch(/6\. Sent quickstart\.pdf \(\d+ bytes, uploaded as \/storage\/\S+\.pdf\) from \+12345667 to \+12345688/);
    const id = Object.values(result.sentIds ?? {})[0] as string;
    expect(Object.keys(result.sentIds ?? {})).toEqual(["+12345688"]);
    expect(text).toContain(`   outbox ids: ${id}`);
    expect(text).toContain(
      [
        "7. Waiting for delivery, moving the fake clock on 0.75 s at a time:",
        "   fake clock +0.75 s: converting",
        "   fake clock +1.50 s: scheduled_for_sending",
        "   fake clock +2.25 s: sending",
        "   fake clock +3.00 s: (left the outbox)",
        `   delivered? ${id}: success`,
      ].join("\n"),
    );
    expect(result.clockSteps).toEqual(["converting", "scheduled_for_sending", "sending", "(left the outbox)"]);
    expect(result.delivery).toEqual(["success"]);
    // The uploaded bytes are what the fake sent: the delivered fax's document is the quickstart's PDF.
    const download = await createFaxPlusClient({ baseUrl: fake.url, token: "reader" }).files.download(id, { format: "pdf" });
    expect(new TextDecoder().decode(await download.arrayBuffer())).toContain("(Hello from the faxkit quickstart) Tj");
    expect(calls.filter((call) => call.method === "POST").map((call) => call.path)).toEqual([
      "/v3/accounts/self/files",
      "/v3/accounts/self/outbox",
    ]);
  });

  it("marks the delivered fax read, and a later read sees it read", async () => {
    const { out, result } = await session();
    const id = Object.values(result.sentIds ?? {})[0] as string;
    expect(out.text()).toContain(`8. Marked ${id} read; read back: ${id} is read, comment "filed by the faxkit quickstart"`);
    expect(result.markedRead).toEqual({ id, readBackId: id, isRead: true });
    const updates = fake.requests.filter((request) => request.operationId === "updateFax");
    expect(updates.map((request) => [request.params.fax_id, request.status])).toEqual([[id, 204]]);
    // Not just the quickstart's own read: another client sees it read, in the sent folder too.
    const reader = createFaxPlusClient({ baseUrl: fake.url, token: "reader" });
    expect(await reader.faxes.get({ fax_id: id })).toMatchObject({ id, is_read: true, status: "success", direction: "outgoing" });
    const sentFolder = await reader.faxes.list({ category: "sent" });
    expect(sentFolder.data?.records?.find((record) => record.id === id)?.is_read).toBe(true);
  });

  it("counts every request it sent and never prints the token", async () => {
    const { out, calls, result } = await session();
    const total = Object.values(result.requests).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(calls.length);
    expect(result.requests.PUT).toBe(4); // three bulk chunks and the one update
    expect(result.requests.POST).toBe(2); // one upload, one send
    expect(out.lines.at(-1)).toMatch(new RegExp(`^Done: ${total} requests sent \\(GET ${result.requests.GET}, PUT 4, POST 2\\)\\.$`));
    expect(out.text()).not.toContain(TOKEN);
  });

  it("redraws the progress bar in place with \\r on a terminal", async () => {
    const chunks: string[] = [];
    const { out } = await session({ tty: true, write: (chunk) => void chunks.push(chunk) });
    expect(chunks).toHaveLength(4); // one redraw per chunk of 100, then the newline
    expect(chunks.slice(0, 3).every((chunk) => chunk.startsWith("\r   [") && !chunk.includes("\n"))).toBe(true);
    expect(chunks[2]).toContain("250/250");
    expect(chunks[3]).toBe("\n");
    expect(out.progress()).toEqual([]);
  });

  it("with readOnly: true changes nothing on the fake", async () => {
    const out = collect();
    const result = await runQuickstart({ baseUrl: fake.url, token: TOKEN, readOnly: true, log: out.log, clock: fake.clock });
    expect(fake.requests.map((request) => request.operationId)).toEqual(["getUser", "listFaxes"]);
    expect(result.requests).toEqual({ GET: 2 });
    expect(out.text()).toContain("Read-only: nothing was changed. 2 requests sent (GET 2).");
    const page = await createFaxPlusClient({ baseUrl: fake.url, token: "reader" }).faxes.list({ category: "inbox", limit: 10 });
    expect(page.data?.records?.every((record) => record.is_read === false)).toBe(true);
  });
});
