/**
 * Scenarios on the stateful fake (the `fake` project only: Prism keeps no state, so none of
 * these can happen on it). Each runs through `@faxkit/client` the way an app would, with the
 * contract client's strict response validation, and drives the fake's clock and controls:
 *
 * - send → delivery on the fake clock → the same bytes downloaded;
 * - a bulk mark-read the list then shows;
 * - a 429 on sendFax the client retries past;
 * - a `fax_sent` webhook to a loopback receiver that `parseWebhookEvent` accepts;
 * - `listAll` over 500 faxes, many sharing a second, each returned exactly once.
 */

import { parseWebhookEvent } from "@faxkit/client/webhooks";
import { fixtures } from "@faxkit/mock";
import type { Fax } from "@faxkit/types";
import { afterEach, describe, expect, it } from "vitest";
import { PDF_BYTES, TIFF_BYTES } from "../cases/documents.js";
import { NUMBER } from "../cases/operations.js";
import { backendForFile } from "../helpers/backend.js";
import { contractClient } from "../helpers/client.js";
import { type StubServer, startStub } from "../helpers/stub-server.js";

const server = backendForFile();
const REMOTE = "+12076001783";
/** The fake's default delivery delay (README: `deliveryDelayMs`, 3,000 ms of fake time); advancing past it delivers. */
const PAST_DELIVERY_MS = 60_000;

let receiver: StubServer | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe("a fax sent with sendFiles is delivered on the fake clock and downloads as it was sent", () => {
  it("sendFiles → clock.advance → waitForDelivery reports success → files.download gives the same bytes", async () => {
    const { fax } = contractClient(server.url);
    const { ids, paths } = await fax.outbox.sendFiles({ from: NUMBER, to: [REMOTE], files: [TIFF_BYTES] });
    expect(ids).toHaveLength(1);
    expect(paths).toEqual([expect.stringMatching(/^\/storage\/\d{4}-\d\d-\d\d\/[0-9a-f]{24}\.tif$/)]);

    // Before the clock moves, the fax is still in the outbox and not yet a fax record.
    await expect(fax.faxes.get({ fax_id: ids[0] as string })).rejects.toMatchObject({ status: 404 });
    await server.fake.clock.advance(PAST_DELIVERY_MS);

    const delivered = await fax.outbox.waitForDelivery(ids, { interval: 10, timeout: 5_000 });
    expect(delivered).toEqual([expect.objectContaining({ id: ids[0], status: "success", direction: "outgoing", to: REMOTE })]);
    const download = await fax.files.download(ids[0] as string);
    expect(download.contentType).toBe("image/tiff");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(TIFF_BYTES);
  });

  it("the sent fax is listed in the sent folder and its outbox entry is gone", async () => {
    const { fax } = contractClient(server.url);
    const { ids } = await fax.outbox.sendFiles({ from: NUMBER, to: [REMOTE], files: [PDF_BYTES] });
    expect((await fax.outbox.list()).records?.map((r) => r.id)).toContain(ids[0]);
    await server.fake.clock.advance(PAST_DELIVERY_MS);
    expect((await fax.outbox.list()).records?.map((r) => r.id)).not.toContain(ids[0]);
    expect((await fax.faxes.list({ category: "sent" })).data?.records?.map((r) => r.id)).toContain(ids[0]);
  });
});

describe("bulk mark-read", () => {
  it("faxes.bulkUpdate({ is_read: true }) on three unread faxes: the inbox list shows them read, the fourth still unread", async () => {
    const unread = Array.from({ length: 4 }, () => fixtures.fax({ is_read: false }));
    server.fake.seed({ faxes: unread });
    const { fax } = contractClient(server.url);
    const marked = unread.slice(0, 3).map((f) => f.id);

    const outcome = await fax.faxes.bulkUpdate({ ids: marked, is_read: true });
    expect(outcome.results).toEqual(marked.map((id) => ({ id, code: 204 })));

    const listed = new Map((await fax.faxes.list({ category: "inbox" })).data?.records?.map((r) => [r.id, r.is_read]));
    expect(unread.map((f) => listed.get(f.id))).toEqual([true, true, true, false]);
  });
});

describe("a 429 on sendFax", () => {
  it("failNext 429 once: the client retries the unprocessed POST and the send succeeds (the fake saw 429, then 201)", async () => {
    const { fax, sent } = contractClient(server.url, { maxRetries: 2 });
    server.fake.failNext({ operationId: "sendFax", status: 429, retryAfter: 0 });
    const { path } = await fax.files.upload(PDF_BYTES);

    const answer = await fax.outbox.send({ from: NUMBER, to: [REMOTE], files: [path], return_ids: true });

    expect(Object.keys(answer.ids ?? {})).toEqual([REMOTE]);
    expect(server.fake.requests.filter((r) => r.operationId === "sendFax").map((r) => r.status)).toEqual([429, 201]);
    expect(sent.filter((r) => r.url.pathname.endsWith("/outbox"))).toHaveLength(2);
    // One send, not two: the retried request made one outbox entry.
    expect((await fax.outbox.list()).records?.filter((r) => r.files?.includes(path))).toHaveLength(1);
  });
});

describe("webhooks", () => {
  it("a fax_sent webhook registered to a loopback receiver is POSTed when the fax is delivered, and parseWebhookEvent accepts it", async () => {
    receiver = await startStub((_request, response) => {
      response.writeHead(200).end();
    });
    const target = `${receiver.origin}/hooks/fax-sent`;
    const { fax } = contractClient(server.url);
    const { id: hookId } = await fax.webhooks.create({ target, event: "fax_sent" });
    expect((await fax.webhooks.list({ event: "fax_sent" })).data).toContainEqual({ id: hookId, target, event: "fax_sent" });

    const { ids } = await fax.outbox.sendFiles({ from: NUMBER, to: [REMOTE], files: [PDF_BYTES] });
    expect(receiver.requests).toHaveLength(0);
    await server.fake.clock.advance(PAST_DELIVERY_MS); // resolves once the fax_sent POSTs were answered

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url.pathname).toBe("/hooks/fax-sent");
    const event = parseWebhookEvent(request?.body ?? "");
    expect(event).toMatchObject({ hook: { event: "fax_sent", id: ids[0], target }, data: { id: ids[0], status: "success" } });
  });

  it("no POST reaches a target registered for another event", async () => {
    receiver = await startStub((_request, response) => {
      response.writeHead(200).end();
    });
    const { fax } = contractClient(server.url);
    await fax.webhooks.create({ target: `${receiver.origin}/received-only`, event: "fax_received" });
    await fax.outbox.sendFiles({ from: NUMBER, to: [REMOTE], files: [PDF_BYTES] });
    await server.fake.clock.advance(PAST_DELIVERY_MS);
    expect(receiver.requests).toHaveLength(0);
  });
});

describe("listAll over 500 faxes, many sharing a second", () => {
  const T0 = Date.UTC(2025, 5, 1, 10, 0, 0);
  const asFaxTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
  /** Faxes per second, repeated: up to 49 share one second (listAll pages within a second below 50). */
  const PER_SECOND = [49, 3, 26, 17, 5];

  function fiveHundredFaxes(): Fax[] {
    const faxes: Fax[] = [];
    for (let second = 0; faxes.length < 500; second++) {
      const count = PER_SECOND[second % PER_SECOND.length] as number;
      for (let i = 0; i < count && faxes.length < 500; i++) faxes.push(fixtures.fax({ start_time: asFaxTime(T0 + second * 1_000) }));
    }
    return faxes;
  }

  it("every fax of the window exactly once, newest first, in pages of at most 50", async () => {
    const seeded = fiveHundredFaxes();
    expect(new Set(seeded.map((f) => f.start_time)).size).toBe(25);
    server.fake.seed({ faxes: seeded });
    const { fax } = contractClient(server.url);

    const listed: Fax[] = [];
    for await (const record of fax.faxes.listAll({ category: "inbox", after: asFaxTime(T0), before: asFaxTime(T0 + 3_600_000) }))
      listed.push(record);

    expect(listed).toHaveLength(500);
    expect(new Set(listed.map((f) => f.id)).size).toBe(500);
    expect(listed.map((f) => f.id).sort()).toEqual(seeded.map((f) => f.id).sort());
    const seconds = listed.map((f) => Date.parse(`${f.start_time?.replace(" ", "T")}Z`));
    expect(seconds.every((s, i) => i === 0 || s <= (seconds[i - 1] as number))).toBe(true);
    const pages = server.fake.requests.filter((r) => r.operationId === "listFaxes");
    expect(pages.every((r) => Number(r.query.limit) <= 50 && r.status === 200)).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });
});
