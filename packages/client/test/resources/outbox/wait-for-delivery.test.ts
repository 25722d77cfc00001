import { afterEach, describe, expect, it } from "vitest";
import { AbortError, createFaxPlusClient, DeliveryTimeoutError, FaxPlusError, ServerError, TimeoutError } from "../../../src/index.js";
import { FINAL_FAX_STATUSES, OUTBOX_STATUSES } from "../../../src/resources/outbox/index.js";
import { type FakeOutboxOptions, startFakeOutbox } from "./fake-outbox-server.js";

let servers: Awaited<ReturnType<typeof startFakeOutbox>>[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function setup(options: FakeOutboxOptions) {
  const server = await startFakeOutbox(options);
  servers.push(server);
  const fax = createFaxPlusClient({ baseUrl: server.baseUrl, token: "tok_wait_1", maxRetries: 0 });
  return {
    server,
    fax,
    outboxGets: () => server.count("GET", /^\/accounts\/self\/outbox\/[^/]+$/),
    outboxLists: () => server.count("GET", /^\/accounts\/self\/outbox$/),
    faxGets: () => server.count("GET", /^\/accounts\/self\/faxes\/[^/]+$/),
  };
}

/** Fast polls: these tests are about what happens, not how long it takes. */
const FAST = { interval: 1, maxInterval: 2, timeout: 20_000 };

describe("outbox.waitForDelivery", () => {
  it("follows each fax from the outbox (queued → sending) to its final fax record, and resolves with the records in order", async () => {
    const { fax, outboxGets, faxGets } = await setup({
      lifecycles: {
        "out-1": { outbox: ["submitted", "converting", "sending"], final: "success" },
        "out-2": { outbox: ["scheduled_for_sending", "sending"], gap: 2, final: "failed_no_answer" },
      },
    });
    const records = await fax.outbox.waitForDelivery(["out-1", "out-2"], FAST);
    expect(records.map((r) => [r.id, r.status])).toEqual([
      ["out-1", "success"],
      ["out-2", "failed_no_answer"],
    ]);
    // out-1: 3 polls in the outbox and the 404; out-2: 2 and the 404, then 2 fax 404s and the record.
    expect(outboxGets()).toBe(4 + 3);
    expect(faxGets()).toBe(1 + 3);
  });

  it("takes one id as a string, drops repeated ids, and settles at once for a fax already sent (404 in the outbox)", async () => {
    const { fax, outboxGets, faxGets } = await setup({ lifecycles: { done: { outbox: [], final: "partially_sent" } } });
    await expect(fax.outbox.waitForDelivery("done", FAST)).resolves.toMatchObject([{ id: "done", status: "partially_sent" }]);
    await expect(fax.outbox.waitForDelivery(["done", "done"], FAST)).resolves.toHaveLength(1);
    expect([outboxGets(), faxGets()]).toEqual([2, 2]);
  });

  it("lists the outbox once per poll instead of asking per id while more than 4 faxes are in it", async () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const { fax, outboxGets, outboxLists, faxGets } = await setup({
      lifecycles: Object.fromEntries(ids.map((id) => [id, { outbox: ["submitted", "sending", "sending"], final: "success" }])),
    });
    const records = await fax.outbox.waitForDelivery(ids, FAST);
    expect(records.map((r) => r.id)).toEqual(ids);
    // Three lists with all six in the outbox, the fourth with none; then one fax record each.
    expect([outboxLists(), outboxGets(), faxGets()]).toEqual([4, 0, 6]);
  });

  it("asks per id again once 4 or fewer are left in the outbox", async () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const { fax, outboxGets, outboxLists } = await setup({
      lifecycles: Object.fromEntries(ids.map((id, i) => [id, { outbox: i < 2 ? [] : ["sending", "sending"], final: "success" }])),
    });
    await fax.outbox.waitForDelivery(ids, FAST);
    // Poll 1 lists six; a and b have left, so 4 are asked about one by one: twice more each (sending, then gone).
    expect([outboxLists(), outboxGets()]).toEqual([1, 8]);
  });

  it("times out with a DeliveryTimeoutError carrying each fax's last state, after a bounded number of polls", async () => {
    const { fax, outboxGets, faxGets } = await setup({
      lifecycles: {
        stuck: { outbox: ["submitted", "sending"] }, // never leaves the outbox
        done: { outbox: ["sending"], final: "success" },
        limbo: { outbox: [], gap: 1_000, final: "success" }, // left the outbox, no fax record (yet)
      },
    });
    const interval = 20;
    const timeout = 300;
    const error = await fax.outbox.waitForDelivery(["stuck", "done", "limbo"], { interval, maxInterval: interval, timeout }).then(
      () => expect.unreachable("resolved"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect(error).toBeInstanceOf(FaxPlusError);
    const timedOut = error as DeliveryTimeoutError;
    expect(timedOut.timeoutMs).toBe(timeout);
    expect(timedOut.deliveries).toEqual([
      {
        id: "stuck",
        stage: "outbox",
        status: "sending",
        final: false,
        record: expect.objectContaining({ id: "stuck", status: "sending" }),
      },
      { id: "done", stage: "fax", status: "success", final: true, record: expect.objectContaining({ id: "done", status: "success" }) },
      { id: "limbo", stage: "between", status: undefined, final: false, record: undefined },
    ]);
    expect(timedOut.message).toBe(
      `outbox.waitForDelivery: 2 of 3 faxes had no final status after ${timeout} ms: "stuck" (outbox, "sending"), "limbo" (between); ` +
        "error.deliveries holds the last state of each",
    );
    // Polls are at least `interval` apart and stop at the timeout: at most timeout / interval + 1 of them.
    const maxPolls = timeout / interval + 1;
    expect(outboxGets()).toBeLessThanOrEqual(2 * maxPolls + 1); // stuck every poll, done until it left
    expect(faxGets()).toBeLessThanOrEqual(2 * maxPolls);
    expect(outboxGets()).toBeGreaterThanOrEqual(3); // it did poll more than once
  });

  it("ends a request still unanswered at the timeout: a DeliveryTimeoutError whose cause is that request's TimeoutError", async () => {
    const { fax } = await setup({ lifecycles: { slow: { outbox: ["sending"] } }, delay: (n) => (n >= 2 ? 30_000 : 0) });
    const error = await fax.outbox.waitForDelivery("slow", { interval: 10, timeout: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect((error as DeliveryTimeoutError).cause).toBeInstanceOf(TimeoutError);
    expect((error as DeliveryTimeoutError).deliveries).toMatchObject([{ id: "slow", stage: "outbox", status: "sending" }]);
  });

  it("is not fooled by a status it does not know: it keeps waiting (to its timeout) rather than call it final", async () => {
    const { fax } = await setup({ lifecycles: { odd: { outbox: [], final: "pending_review" } } });
    const error = await fax.outbox.waitForDelivery("odd", { interval: 5, timeout: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect((error as DeliveryTimeoutError).deliveries[0]).toMatchObject({ stage: "fax", status: "pending_review", final: false });
  });

  it("stops at once when the caller aborts, with an AbortError, and sends nothing after", async () => {
    const { fax, server } = await setup({ lifecycles: { stuck: { outbox: ["sending"] } } });
    const controller = new AbortController();
    const waiting = fax.outbox.waitForDelivery("stuck", { interval: 50, timeout: 60_000, signal: controller.signal });
    while (server.received.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error("user left"));
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    const seen = server.received.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.received.length).toBe(seen);
  });

  it("ends with the error of a request that fails other than 404 (after the transport's retries)", async () => {
    const { fax } = await setup({
      lifecycles: { a: { outbox: ["sending", "sending"], final: "success" } },
      fail: (n) => (n === 2 ? { status: 500, body: { error: "internal" } } : undefined),
    });
    await expect(fax.outbox.waitForDelivery("a", FAST)).rejects.toBeInstanceOf(ServerError);
  });

  it.each([
    ["an id that is not a string", [42], /^outbox\.waitForDelivery: ids\[0\] must be a non-empty id string \(got 42\)$/],
    ["an empty id", ["ok", " "], /ids\[1\] must be a non-empty id string/],
    ["ids that are no list", { id: "x" }, /ids must be a string or an array of strings \(got an object\)$/],
  ])("refuses %s with a TypeError before polling", async (_what, ids, message) => {
    const { fax, server } = await setup({});
    await expect(fax.outbox.waitForDelivery(ids as never, FAST)).rejects.toThrow(message);
    expect(server.received).toHaveLength(0);
  });

  it.each([
    [{ timeout: Number.POSITIVE_INFINITY }, /timeout must be a finite number of ms above 0 \(got Infinity\)/],
    [{ interval: 0 }, /interval must be a finite number of ms above 0 \(got 0\)/],
    [{ interval: 100, maxInterval: 10 }, /maxInterval \(10\) must be at least interval \(100\)/],
  ])("refuses options %j: the wait is always bounded", async (options, message) => {
    const { fax } = await setup({});
    await expect(fax.outbox.waitForDelivery("x", options)).rejects.toThrow(message);
  });

  it("resolves with nothing for no ids", async () => {
    const { fax, server } = await setup({});
    await expect(fax.outbox.waitForDelivery([], FAST)).resolves.toEqual([]);
    expect(server.received).toHaveLength(0);
  });
});

describe("final statuses", () => {
  it("are every FaxStatus of the spec and no OutboxStatus", () => {
    expect(FINAL_FAX_STATUSES.size).toBe(23);
    for (const status of ["success", "partially_sent", "insufficient_credit", "failed", "failed_fs_2"])
      expect(FINAL_FAX_STATUSES.has(status)).toBe(true);
    for (const status of OUTBOX_STATUSES) expect(FINAL_FAX_STATUSES.has(status)).toBe(false);
  });
});
