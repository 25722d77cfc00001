import { createFaxPlusClient } from "@faxkit/client";
import type { Fax } from "@faxkit/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { faxTime, fixtures } from "../../../src/fake/engine/fixtures.js";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { call, engineFetch, newEngine } from "./harness.js";

const FAXES = "/v3/accounts/self/faxes";
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);
let engine: FakeEngine;
beforeEach(() => {
  engine = newEngine();
});
afterEach(() => engine.close());

function faxAt(ms: number, overrides: Partial<Fax> = {}): Fax {
  return fixtures.fax({ start_time: faxTime(ms), ...overrides });
}

describe("one fax", () => {
  it("reads, updates and deletes a fax record", async () => {
    const fax = fixtures.fax();
    engine.seed({ faxes: [fax] });
    expect((await call(engine, "GET", `${FAXES}/${fax.id}`, { validateAs: "getFax" })).json).toEqual(fax);
    const update = await call(engine, "PUT", `${FAXES}/${fax.id}`, { body: { comment: "seen", is_read: true }, validateAs: "updateFax" });
    expect(update.status).toBe(204);
    expect((await call(engine, "GET", `${FAXES}/${fax.id}`)).json).toMatchObject({ comment: "seen", is_read: true });
    expect((await call(engine, "DELETE", `${FAXES}/${fax.id}`, { validateAs: "deleteFax" })).status).toBe(204);
    expect((await call(engine, "GET", `${FAXES}/${fax.id}`, { validateAs: "getFax" })).status).toBe(404);
  });

  it("answers an unknown fax id 404 on get, update and delete", async () => {
    expect((await call(engine, "GET", `${FAXES}/nope`, { validateAs: "getFax" })).status).toBe(404);
    expect((await call(engine, "PUT", `${FAXES}/nope`, { body: { comment: "", is_read: true }, validateAs: "updateFax" })).status).toBe(
      404,
    );
    expect((await call(engine, "DELETE", `${FAXES}/nope`, { validateAs: "deleteFax" })).status).toBe(404);
  });

  it("answers an unknown user_id 400 invalid_user_id, as the spec's example", async () => {
    const answer = await call(engine, "GET", "/v3/accounts/someone-else/faxes", { validateAs: "listFaxes" });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe("invalid_user_id");
  });

  it("keeps a member's faxes in the member's folders", async () => {
    const member = fixtures.member();
    const own = fixtures.fax();
    const theirs = fixtures.fax({ owner_id: member.uid });
    engine.seed({ members: [member], faxes: [own, theirs] });
    const mine = await call(engine, "GET", FAXES, { validateAs: "listFaxes" });
    const memberList = await call(engine, "GET", `/v3/accounts/${member.uid}/faxes`, { validateAs: "listFaxes" });
    expect(mine.json.data.records.map((f: Fax) => f.id)).toEqual([own.id]);
    expect(memberList.json.data.records.map((f: Fax) => f.id)).toEqual([theirs.id]);
    expect((await call(engine, "GET", `${FAXES}/${theirs.id}`)).status).toBe(404);
  });
});

describe("bulkUpdateFaxes", () => {
  it("answers per id (204, 404 for unknown, duplicates once) and the changes read back", async () => {
    const [a, b] = [fixtures.fax(), fixtures.fax({ comment: "keep" })];
    engine.seed({ faxes: [a, b] });
    const answer = await call(engine, "PUT", FAXES, {
      body: { ids: [a.id, "missing", b.id, a.id], is_read: true },
      validateAs: "bulkUpdateFaxes",
    });
    expect(answer.json.results).toEqual([
      { id: a.id, code: 204 },
      { id: "missing", code: 404 },
      { id: b.id, code: 204 },
    ]);
    const list = await call(engine, "GET", FAXES, { validateAs: "listFaxes" });
    for (const fax of list.json.data.records as Fax[]) expect(fax.is_read).toBe(true);
    expect((await call(engine, "GET", `${FAXES}/${b.id}`)).json.comment).toBe("keep");
    await call(engine, "PUT", FAXES, { body: { ids: [b.id], comment: "" }, validateAs: "bulkUpdateFaxes" });
    expect((await call(engine, "GET", `${FAXES}/${b.id}`)).json).toMatchObject({ comment: "", is_read: true });
  });
});

describe("listFaxes", () => {
  it("filters by category: inbox, sent, spam", async () => {
    const inbox = fixtures.fax();
    const sent = fixtures.fax({ direction: "outgoing" });
    const spam = fixtures.fax({ is_spam: true });
    engine.seed({ faxes: [inbox, sent, spam] });
    for (const [category, fax] of [
      ["inbox", inbox],
      ["sent", sent],
      ["spam", spam],
    ] as const) {
      const answer = await call(engine, "GET", FAXES, { query: `category=${category}`, validateAs: "listFaxes" });
      expect(
        answer.json.data.records.map((f: Fax) => f.id),
        category,
      ).toEqual([fax.id]);
    }
    expect((await call(engine, "GET", FAXES)).json.data.records).toHaveLength(3);
  });

  it("lists newest first, after inclusive, before exclusive, to the second, at most limit", async () => {
    const faxes = [0, 1, 2, 3, 4].map((s) => faxAt(T0 + s * 1000));
    engine.seed({ faxes });
    const answer = await call(engine, "GET", FAXES, {
      query: new URLSearchParams({ after: faxTime(T0 + 1000), before: faxTime(T0 + 4000), limit: "2" }).toString(),
      validateAs: "listFaxes",
    });
    expect(answer.json.data.records.map((f: Fax) => f.id)).toEqual([faxes[3]?.id, faxes[2]?.id]);
  });

  it("answers a page of faxes sharing a second in the same order every time", async () => {
    engine.seed({ faxes: Array.from({ length: 30 }, () => faxAt(T0)) });
    const query = `limit=10&before=${encodeURIComponent(faxTime(T0 + 1000))}`;
    const first = await call(engine, "GET", FAXES, { query });
    const again = await call(engine, "GET", FAXES, { query });
    expect(again.json.data.records).toEqual(first.json.data.records);
  });

  it("lets the client's listAll page through 500 faxes, many sharing a second, each once", async () => {
    const faxes: Fax[] = [];
    // 20 seconds of 20 faxes, then one second of 45 and 55 faxes one per second.
    for (let s = 0; s < 20; s++) for (let i = 0; i < 20; i++) faxes.push(faxAt(T0 + s * 1000));
    for (let i = 0; i < 45; i++) faxes.push(faxAt(T0 + 30_000));
    for (let s = 0; s < 55; s++) faxes.push(faxAt(T0 + 40_000 + s * 1000));
    engine.seed({ faxes });
    const client = createFaxPlusClient({ baseUrl: "http://fake.test/v3", token: "t", fetch: engineFetch(engine), logLevel: "off" });
    const ids: string[] = [];
    for await (const fax of client.faxes.listAll({ pageSize: 50 })) ids.push(fax.id);
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    expect(new Set(ids)).toEqual(new Set(faxes.map((f) => f.id)));
  });
});
