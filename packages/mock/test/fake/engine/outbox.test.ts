import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { fixtures } from "../../../src/fake/engine/fixtures.js";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { call, newEngine, pdfBytes, upload } from "./harness.js";

const OUTBOX = "/v3/accounts/self/outbox";
let engine: FakeEngine;
beforeEach(() => {
  engine = newEngine({ deliveryDelayMs: 4_000 });
});
afterEach(() => engine.close());

async function send(body: Record<string, unknown>) {
  return call(engine, "POST", OUTBOX, { body: { from: "+16699990000", ...body }, validateAs: "sendFax" });
}

describe("sendFax", () => {
  it("queues one outbox entry per destination and maps each to its id with return_ids", async () => {
    const path = await upload(engine, pdfBytes());
    const answer = await send({ to: ["+12025550100", "+12025550101"], files: [path], return_ids: true });
    expect(answer.status).toBe(201);
    const ids = answer.json.ids as Record<string, string>;
    expect(Object.keys(ids)).toEqual(["+12025550100", "+12025550101"]);
    const list = await call(engine, "GET", OUTBOX, { validateAs: "listOutboxFaxes" });
    expect(list.json.records.map((r: { id: string }) => r.id)).toEqual(Object.values(ids));
    expect(list.json.records.map((r: { to: string[] }) => r.to)).toEqual([["+12025550100"], ["+12025550101"]]);
    expect(list.json.records[0].status).toBe("submitted");
  });

  it("answers without ids when return_ids is not set", async () => {
    const path = await upload(engine, pdfBytes());
    const answer = await send({ to: ["+12025550100"], files: [path] });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({});
  });

  it("sends a repeated destination once", async () => {
    const path = await upload(engine, pdfBytes());
    const answer = await send({ to: ["+12025550100", "+12025550100"], files: [path], return_ids: true });
    expect(Object.keys(answer.json.ids)).toHaveLength(1);
    expect((await call(engine, "GET", OUTBOX)).json.records).toHaveLength(1);
  });

  it("moves through the outbox statuses to a sent fax with the same id and the same bytes", async () => {
    // Real time stands still, so each advance() lands between two steps.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2026, 5, 1) });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const document = pdfBytes("the one document");
    const path = await upload(engine, document);
    const { json } = await send({ to: ["+12025550100"], files: [path], return_ids: true, comment: { text: "hello", tags: ["t"] } });
    const id = json.ids["+12025550100"] as string;
    const seen: string[] = [];
    for (let step = 0; step < 4; step++) {
      await engine.clock.advance(1_000);
      const entry = await call(engine, "GET", `${OUTBOX}/${id}`, { validateAs: "getOutboxFax" });
      if (entry.status === 200) seen.push(entry.json.status);
      else expect(entry.status).toBe(404);
    }
    expect(seen).toEqual(["converting", "scheduled_for_sending", "sending"]);
    const fax = await call(engine, "GET", `/v3/accounts/self/faxes/${id}`, { validateAs: "getFax" });
    expect(fax.status).toBe(200);
    expect(fax.json).toMatchObject({
      id,
      direction: "outgoing",
      status: "success",
      to: "+12025550100",
      from: "+16699990000",
      comment: "hello",
    });
    const file = await call(engine, "GET", `/v3/accounts/self/files/${id}`, { validateAs: "getFile" });
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.bytes).toEqual(document);
    const sent = await call(engine, "GET", "/v3/accounts/self/faxes", { query: "category=sent", validateAs: "listFaxes" });
    expect(sent.json.data.records.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it("keeps a fax with a later send_time in scheduled_for_sending until then", async () => {
    const path = await upload(engine, pdfBytes());
    const at = new Date(engine.clock.now() + 60_000).toISOString().slice(0, 19).replace("T", " ");
    const { json } = await send({ to: ["+12025550100"], files: [path], return_ids: true, send_time: `${at} +0000` });
    const id = json.ids["+12025550100"];
    await engine.clock.advance(30_000);
    expect((await call(engine, "GET", `${OUTBOX}/${id}`)).json.status).toBe("scheduled_for_sending");
    await engine.clock.advance(32_000);
    const fax = await call(engine, "GET", `/v3/accounts/self/faxes/${id}`, { validateAs: "getFax" });
    expect(fax.status).toBe(200);
    expect(fax.json.scheduled_time).toBe(at.slice(0, 19));
  });

  it("answers a path that was never uploaded 400 naming it", async () => {
    const answer = await send({ to: ["+12025550100"], files: ["/storage/nope.pdf"] });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain('"/storage/nope.pdf"');
  });

  it("answers a send without any document 400", async () => {
    const answer = await send({ to: ["+12025550100"], files: [] });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("needs a document");
  });

  it("resends the document of an earlier fax with from_fax", async () => {
    const document = pdfBytes("forwarded");
    engine.seed({
      faxes: [fixtures.fax({ id: "aaaaaaaaaaaaaaaaaaaaaaaa" })],
      files: [{ faxId: "aaaaaaaaaaaaaaaaaaaaaaaa", bytes: document }],
    });
    const { json } = await send({ to: ["+12025550100"], files: [], from_fax: "aaaaaaaaaaaaaaaaaaaaaaaa", return_ids: true });
    const id = json.ids["+12025550100"];
    await engine.clock.advance(4_000);
    expect((await call(engine, "GET", `/v3/accounts/self/files/${id}`)).bytes).toEqual(document);
  });
});

describe("outbox entries", () => {
  async function queued() {
    const path = await upload(engine, pdfBytes());
    const { json } = await send({ to: ["+12025550100"], files: [path], return_ids: true });
    return json.ids["+12025550100"] as string;
  }

  it("changes a queued fax's comment and reads it back", async () => {
    const id = await queued();
    const answer = await call(engine, "PUT", `${OUTBOX}/${id}`, { body: { comment: "later" }, validateAs: "updateOutboxFax" });
    expect(answer.status).toBe(204);
    expect((await call(engine, "GET", `${OUTBOX}/${id}`)).json.comment.text).toBe("later");
  });

  it("cancels a queued fax: it leaves the outbox and never becomes a fax", async () => {
    const id = await queued();
    expect((await call(engine, "DELETE", `${OUTBOX}/${id}`, { validateAs: "deleteOutboxFax" })).status).toBe(204);
    await engine.clock.advance(10_000);
    expect((await call(engine, "GET", `${OUTBOX}/${id}`, { validateAs: "getOutboxFax" })).status).toBe(404);
    expect((await call(engine, "GET", `/v3/accounts/self/faxes/${id}`, { validateAs: "getFax" })).status).toBe(404);
  });

  it("refuses to change or cancel a fax that is already sending", async () => {
    const id = await queued();
    await engine.clock.advance(3_000);
    const update = await call(engine, "PUT", `${OUTBOX}/${id}`, { body: { comment: "x" }, validateAs: "updateOutboxFax" });
    expect(update.status).toBe(400);
    expect(update.json.description).toContain("already sending");
    expect((await call(engine, "DELETE", `${OUTBOX}/${id}`, { validateAs: "deleteOutboxFax" })).status).toBe(400);
  });

  it("answers an unknown outbox id 404", async () => {
    for (const [method, body] of [
      ["GET", undefined],
      ["PUT", { comment: "x" }],
      ["DELETE", undefined],
    ] as const) {
      const answer = await call(engine, method, `${OUTBOX}/nope`, { body });
      expect(answer.status, method).toBe(404);
    }
  });

  it("bulk-updates comments per id: 204, 409 while sending, 404 unknown, duplicates once", async () => {
    const a = await queued();
    await engine.clock.advance(3_000);
    const b = await queued();
    const answer = await call(engine, "PUT", OUTBOX, {
      body: { ids: [a, b, "nope", b], comment: "bulk" },
      validateAs: "bulkUpdateOutboxFaxes",
    });
    expect(answer.status).toBe(200);
    expect(answer.json.results).toEqual([
      { id: a, code: 409 },
      { id: b, code: 204 },
      { id: "nope", code: 404 },
    ]);
    expect((await call(engine, "GET", `${OUTBOX}/${b}`)).json.comment.text).toBe("bulk");
    expect((await call(engine, "GET", `${OUTBOX}/${a}`)).json.comment.text).toBe("");
  });

  it("keeps seeded outbox entries where they are", async () => {
    const record = fixtures.outboxFax({ status: "converting" });
    engine.seed({ outbox: [record] });
    await engine.clock.advance(60_000);
    const answer = await call(engine, "GET", `${OUTBOX}/${record.id}`, { validateAs: "getOutboxFax" });
    expect(answer.json).toEqual(record);
  });
});
