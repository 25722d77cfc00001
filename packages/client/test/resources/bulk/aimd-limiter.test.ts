import { describe, expect, it } from "vitest";
import { AimdLimiter, MAX_PAUSE_MS } from "../../../src/resources/bulk/aimd-limiter.js";

/** Feeds `n` successes. */
const succeed = (limiter: AimdLimiter, n: number) => {
  for (let k = 0; k < n; k++) limiter.succeeded();
};

describe("AimdLimiter", () => {
  it("starts at the given limit, with no pause", () => {
    const limiter = new AimdLimiter(4, 8);
    expect(limiter.limit()).toBe(4);
    expect(limiter.delayMs(0)).toBe(0);
  });

  it("grows by about one per round of successes (1/limit each)", () => {
    const limiter = new AimdLimiter(4, 16);
    succeed(limiter, 3);
    expect(limiter.limit()).toBe(4); // 4 + 3/4
    succeed(limiter, 2);
    expect(limiter.limit()).toBe(5); // about a round of 4 (each step shrinks as the limit grows)
    succeed(limiter, 5);
    expect(limiter.limit()).toBe(6);
  });

  it("never grows past its ceiling", () => {
    const limiter = new AimdLimiter(2, 3);
    succeed(limiter, 1_000);
    expect(limiter.limit()).toBe(3);
  });

  it("stays put with the ceiling at the start (the default of bulkUpdateAll)", () => {
    const limiter = new AimdLimiter(4, 4);
    succeed(limiter, 50);
    expect(limiter.limit()).toBe(4);
  });

  it("halves on a 429 and pauses new starts for its Retry-After", () => {
    const limiter = new AimdLimiter(8, 8);
    limiter.rateLimited(limiter.generation(), 1_000, 5_000);
    expect(limiter.limit()).toBe(4);
    expect(limiter.delayMs(5_000)).toBe(1_000);
    expect(limiter.delayMs(5_600)).toBe(400);
    expect(limiter.delayMs(6_000)).toBe(0);
  });

  it("halves once for several 429s of one overload, but again for a request sent after the halving", () => {
    const limiter = new AimdLimiter(16, 16);
    const before = limiter.generation();
    for (let k = 0; k < 5; k++) limiter.rateLimited(before, 0, 0);
    expect(limiter.limit()).toBe(8);
    limiter.rateLimited(limiter.generation(), 0, 0);
    expect(limiter.limit()).toBe(4);
  });

  it("never goes below 1", () => {
    const limiter = new AimdLimiter(3, 3);
    for (let k = 0; k < 10; k++) limiter.rateLimited(limiter.generation(), 0, 0);
    expect(limiter.limit()).toBe(1);
    succeed(limiter, 20);
    expect(limiter.limit()).toBe(1); // refused even at 1: the ceiling stays there
  });

  it("after a 429, grows back only to one below the level that was refused", () => {
    const limiter = new AimdLimiter(8, 16);
    limiter.rateLimited(limiter.generation(), 0, 0);
    expect(limiter.limit()).toBe(4);
    succeed(limiter, 200);
    expect(limiter.limit()).toBe(7);
  });

  it("spreads starts over the measured round trip, one per latency / limit", () => {
    const limiter = new AimdLimiter(4, 4);
    limiter.started(1_000);
    expect(limiter.delayMs(1_000)).toBe(0); // nothing timed yet: no spacing
    limiter.succeeded(400);
    limiter.started(2_000);
    expect(limiter.delayMs(2_000)).toBe(100);
    expect(limiter.delayMs(2_060)).toBe(40);
    expect(limiter.delayMs(2_100)).toBe(0);
  });

  it("waits for whichever is later, the Retry-After or the spacing", () => {
    const limiter = new AimdLimiter(2, 2);
    limiter.succeeded(1_000);
    limiter.started(0);
    limiter.rateLimited(limiter.generation(), 2_000, 0);
    expect(limiter.delayMs(0)).toBe(2_000); // the spacing (1,000 / 1) ends sooner
  });

  it("keeps the later end of overlapping pauses and caps one pause", () => {
    const limiter = new AimdLimiter(4, 4);
    limiter.rateLimited(limiter.generation(), 3_000, 0);
    limiter.rateLimited(limiter.generation(), 1_000, 0);
    expect(limiter.delayMs(0)).toBe(3_000);
    limiter.rateLimited(limiter.generation(), 10 * MAX_PAUSE_MS, 0);
    expect(limiter.delayMs(0)).toBe(MAX_PAUSE_MS);
  });

  it.each([
    [0, 4],
    [1.5, 4],
    [4, 3],
  ])("refuses start %s with ceiling %s", (start, max) => {
    expect(() => new AimdLimiter(start, max)).toThrow(RangeError);
  });
});
