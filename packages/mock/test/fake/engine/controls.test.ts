import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtures } from "../../../src/fake/engine/fixtures.js";
import type { FakeEngine } from "../../../src/fake/fake-types.js";
import { call, expectValid, newEngine, pdfBytes, upload } from "./harness.js";

let engine: FakeEngine;
beforeEach(() => {
  engine = newEngine();
});
afterEach(() => engine.close());

async function send(path: string) {
  return call(engine, "POST", "/v3/accounts/self/outbox", {
    body: { from: "+16699990000", to: ["+12025550100"], files: [path], return_ids: true },
  });
}

describe("failNext", () => {
  it("answers the next sendFax 429 with Retry-After, queues nothing, then sends again", async () => {
    const path = await upload(engine, pdfBytes());
    engine.failNext({ operationId: "sendFax", status: 429, retryAfter: 7 });
    const failed = await send(path);
    expect(failed.status).toBe(429);
    expect(failed.headers["retry-after"]).toBe("7");
    expect(failed.json).toEqual({ error: "too_many_requests", description: expect.stringContaining("failNext") });
    expect((await call(engine, "GET", "/v3/accounts/self/outbox")).json.records).toEqual([]);
    const next = await send(path);
    expect(next.status).toBe(201);
  });

  it("fails as many calls as times says, only of that operation", async () => {
    engine.failNext({ operationId: "getUser", status: 503, times: 2 });
    expect((await call(engine, "GET", "/v3/numbers-are-not-here")).status).toBe(404);
    expect((await call(engine, "GET", "/v3/accounts/self/numbers")).status).toBe(200);
    expect((await call(engine, "GET", "/v3/accounts/self")).status).toBe(503);
    expect((await call(engine, "GET", "/v3/accounts/self")).status).toBe(503);
    expect((await call(engine, "GET", "/v3/accounts/self")).status).toBe(200);
  });

  it("answers a documented status in the spec's shape, and a custom body as given", async () => {
    engine.failNext({ operationId: "getFax", status: 500 });
    engine.failNext({ operationId: "getFax", status: 418, body: { teapot: true } });
    expectValid("getFax", await call(engine, "GET", "/v3/accounts/self/faxes/x"));
    const custom = await call(engine, "GET", "/v3/accounts/self/faxes/x");
    expect(custom.status).toBe(418);
    expect(custom.json).toEqual({ teapot: true });
  });

  it("refuses a status that is not HTTP", () => {
    expect(() => engine.failNext({ operationId: "getFax", status: 42 })).toThrow(/100 to 599/);
  });
});

describe("latency and resetNext", () => {
  it("asks the front end to delay every answer, or one operation's", async () => {
    engine.latency(250);
    engine.latency(900, "getUser");
    expect((await call(engine, "GET", "/v3/accounts/self")).delayMs).toBe(900);
    expect((await call(engine, "GET", "/v3/accounts/self/numbers")).delayMs).toBe(250);
    engine.latency(0);
    engine.latency(0, "getUser");
    expect((await call(engine, "GET", "/v3/accounts/self")).delayMs).toBeUndefined();
  });

  it("resets the next call of an operation, or of any, once", async () => {
    engine.resetNext("listNumbers");
    expect((await call(engine, "GET", "/v3/accounts/self")).fault).toBeUndefined();
    expect((await call(engine, "GET", "/v3/accounts/self/numbers")).fault).toBe("reset");
    expect((await call(engine, "GET", "/v3/accounts/self/numbers")).fault).toBeUndefined();
    engine.resetNext();
    expect((await call(engine, "GET", "/v3/accounts/self")).fault).toBe("reset");
  });
});

describe("handle", () => {
  it("answers an operation from a script that sees the parsed request, until removed", async () => {
    const seen: unknown[] = [];
    engine.handle("bulkUpdateFaxes", (request) => {
      seen.push({ params: request.params, body: request.body });
      return { status: 200, body: { results: [{ id: "a", code: 500 }] }, headers: { "X-Script": "yes" } };
    });
    const answer = await call(engine, "PUT", "/v3/accounts/self/faxes", {
      body: { ids: ["a"], is_read: true },
      validateAs: "bulkUpdateFaxes",
    });
    expect(answer.json.results).toEqual([{ id: "a", code: 500 }]);
    expect(answer.headers["x-script"]).toBe("yes");
    expect(seen).toEqual([{ params: { user_id: "self" }, body: { ids: ["a"], is_read: true } }]);
    engine.handle("bulkUpdateFaxes", undefined);
    const real = await call(engine, "PUT", "/v3/accounts/self/faxes", { body: { ids: ["a"], is_read: true } });
    expect(real.json.results).toEqual([{ id: "a", code: 404 }]);
  });

  it("still rejects an invalid request before the script runs", async () => {
    let ran = false;
    engine.handle("getWebhooks", () => {
      ran = true;
      return { status: 200, body: { data: [] } };
    });
    expect((await call(engine, "GET", "/v3/hooks")).status).toBe(400);
    expect(ran).toBe(false);
  });

  it("answers a script that throws 500 with its message quoted", async () => {
    engine.handle("getUser", () => {
      throw new Error("boom\nline");
    });
    const answer = await call(engine, "GET", "/v3/accounts/self", { validateAs: "getUser" });
    expect(answer.status).toBe(500);
    expect(answer.json.description).toContain('"boom\\nline"');
  });
});

describe("requests log", () => {
  it("records each request with its operation, decoded params and query, parsed body, status and fake time", async () => {
    await engine.clock.advance(5_000);
    await call(engine, "PUT", "/v3/accounts/self/faxes", { body: { ids: ["a b"], comment: "c" } });
    await call(engine, "GET", "/v3/accounts/self/faxes/a%20b", { query: "x=1&x=2" });
    await call(engine, "GET", "/v3/unknown");
    const [bulk, get, unknown] = engine.requests;
    expect(bulk).toMatchObject({
      operationId: "bulkUpdateFaxes",
      method: "PUT",
      params: { user_id: "self" },
      body: { ids: ["a b"], comment: "c" },
      status: 200,
    });
    expect(get).toMatchObject({
      operationId: "getFax",
      path: "/v3/accounts/self/faxes/a b",
      params: { fax_id: "a b" },
      query: { x: ["1", "2"] },
      status: 400,
    });
    expect(unknown).toMatchObject({ operationId: undefined, status: 404 });
    expect(bulk?.at).toBeGreaterThanOrEqual(Date.now() + 4_000);
  });

  it("keeps only the latest 10,000", async () => {
    for (let i = 0; i < 10_005; i++)
      await engine.answer({ method: "GET", path: `/v3/n${i}`, query: "", headers: {}, body: new Uint8Array() });
    const log = engine.requests;
    expect(log).toHaveLength(10_000);
    expect(log[0]?.path).toBe("/v3/n5");
    expect(log.at(-1)?.path).toBe("/v3/n10004");
  });
});

describe("seed and reset", () => {
  it("keeps its own copy of seeded records: changing a fixture after seeding changes nothing the fake answers", async () => {
    const fax = fixtures.fax({ comment: "as seeded" });
    engine.seed({ faxes: [fax] });
    fax.comment = "changed by the test afterwards";
    const answer = await call(engine, "GET", `/v3/accounts/self/faxes/${fax.id}`, { validateAs: "getFax" });
    expect(answer.json.comment).toBe("as seeded");
    const listed = await call(engine, "GET", "/v3/accounts/self/faxes", { query: "category=inbox", validateAs: "listFaxes" });
    expect(listed.json.data.records.find((record: { id: string }) => record.id === fax.id)?.comment).toBe("as seeded");
  });

  it("lists what an update changed (a record's listed JSON follows its updates)", async () => {
    const fax = fixtures.fax({ is_read: false });
    engine.seed({ faxes: [fax] });
    const list = async () =>
      (await call(engine, "GET", "/v3/accounts/self/faxes", { query: "category=inbox", validateAs: "listFaxes" })).json.data.records.find(
        (record: { id: string }) => record.id === fax.id,
      );
    expect((await list()).is_read).toBe(false);
    await call(engine, "PUT", `/v3/accounts/self/faxes/${fax.id}`, { body: { is_read: true, comment: "read" }, validateAs: "updateFax" });
    expect(await list()).toMatchObject({ is_read: true, comment: "read" });
  });

  it("rejects a seed record the spec does not allow, naming it, and keeps the state", async () => {
    const good = fixtures.fax();
    expect(() => engine.seed({ faxes: [good, { ...fixtures.fax(), status: "done" } as never] })).toThrow(
      /seed: faxes\[1\] is not a valid Fax: .*status/,
    );
    expect((await call(engine, "GET", `/v3/accounts/self/faxes/${good.id}`)).status).toBe(404);
  });

  it("starts from the seed option and comes back to it on reset, with no faults, scripts, log or pending sends", async () => {
    const seeded = fixtures.fax();
    engine = newEngine({ seed: { faxes: [seeded] }, deliveryDelayMs: 1_000 });
    const added = fixtures.fax();
    engine.seed({ faxes: [added] });
    const path = await upload(engine, pdfBytes());
    const { json } = await send(path);
    engine.failNext({ operationId: "getFax", status: 500 });
    engine.handle("getUser", () => ({ status: 500 }));
    await engine.clock.advance(60_000);
    engine.reset();
    expect(engine.requests).toEqual([]);
    expect(Math.abs(engine.clock.now() - Date.now())).toBeLessThan(1_000);
    expect((await call(engine, "GET", `/v3/accounts/self/faxes/${seeded.id}`)).status).toBe(200);
    expect((await call(engine, "GET", `/v3/accounts/self/faxes/${added.id}`)).status).toBe(404);
    expect((await call(engine, "GET", `/v3/accounts/self/faxes/${json.ids["+12025550100"]}`)).status).toBe(404);
    expect((await call(engine, "GET", "/v3/accounts/self")).status).toBe(200);
  });
});

describe("bounds", () => {
  it("answers a webhook past the fake's limit 400 naming it", async () => {
    for (let i = 0; i < 100; i++)
      await call(engine, "POST", "/v3/hooks", { body: { target: `http://127.0.0.1:9/${i}`, event: "fax_sent" } });
    const answer = await call(engine, "POST", "/v3/hooks", {
      body: { target: "http://127.0.0.1:9/x", event: "fax_sent" },
      validateAs: "createWebhook",
    });
    expect(answer.status).toBe(400);
    expect(answer.json.description).toContain("at most 100 webhooks");
  });

  it("refuses a seed past a bound with a RangeError and adds none of it", () => {
    const numbers = Array.from({ length: 1_001 }, () => fixtures.number());
    expect(() => engine.seed({ numbers })).toThrow(RangeError);
    expect(() => engine.seed({ numbers: numbers.slice(0, 1) })).not.toThrow();
  });
});
