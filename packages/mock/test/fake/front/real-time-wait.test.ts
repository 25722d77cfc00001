import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { carriesBody } from "../../../src/internal/carries-body.js";
import { realTimeWait } from "../../../src/internal/real-time-wait.js";

describe("realTimeWait (how both front ends act out delayMs)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("resolves true once the time has passed, not before", async () => {
    let done: boolean | undefined;
    void realTimeWait(1_000, new AbortController().signal).then((waited) => {
      done = waited;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it("an abort (the client went away) resolves false at once and leaves no timer behind", async () => {
    const controller = new AbortController();
    const waiting = realTimeWait(600_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(await waiting).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([0, -5, Number.NaN])("a delay of %d does not wait", async (ms) => {
    expect(await realTimeWait(ms, new AbortController().signal)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("an already aborted signal does not wait", async () => {
    expect(await realTimeWait(1_000, AbortSignal.abort())).toBe(false);
  });

  it("a delay past setTimeout's range waits (capped) instead of firing at once", async () => {
    let done = false;
    void realTimeWait(Number.POSITIVE_INFINITY, new AbortController().signal).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(done).toBe(false);
  });
});

describe("carriesBody", () => {
  it.each([
    [200, true],
    [404, true],
    [101, false],
    [204, false],
    [205, false],
    [304, false],
  ])("%i → %s", (status, expected) => {
    expect(carriesBody(status)).toBe(expected);
  });
});
