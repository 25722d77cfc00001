import { afterEach, describe, expect, it, vi } from "vitest";
import { createFakeClock, type EngineClock, MAX_PENDING_TASKS } from "../../../src/fake/engine/clock.js";

const START = Date.UTC(2026, 0, 15, 9, 30, 0);

const opened: EngineClock[] = [];

/** A clock on a frozen "real" time, so only advance() moves it. */
function frozenClock(onError?: (error: unknown) => void): EngineClock {
  const clock = createFakeClock({ now: () => START, ...(onError ? { onError } : {}) });
  opened.push(clock);
  return clock;
}

afterEach(() => {
  for (const clock of opened.splice(0)) clock.close();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("createFakeClock: time", () => {
  it("reads real time plus what was advanced", async () => {
    let real = START;
    const clock = createFakeClock({ now: () => real });
    expect(clock.now()).toBe(START);
    real += 1_000;
    expect(clock.now()).toBe(START + 1_000);
    await clock.advance(60_000);
    expect(clock.now()).toBe(START + 61_000);
    clock.close();
  });

  it("follows Date.now by default", () => {
    vi.useFakeTimers({ now: START });
    const clock = createFakeClock();
    expect(clock.now()).toBe(START);
    vi.setSystemTime(START + 5_000);
    expect(clock.now()).toBe(START + 5_000);
    clock.close();
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY], ["10" as unknown as number]])("refuses to advance by %s", async (ms) => {
    const clock = frozenClock();
    await expect(clock.advance(ms)).rejects.toThrow(RangeError);
    await expect(clock.advance(ms)).rejects.toThrow(`got ${typeof ms === "number" ? String(ms) : "string"}`);
    expect(clock.now()).toBe(START);
  });

  it("refuses a task time that is not a finite number", () => {
    const clock = frozenClock();
    expect(() => clock.schedule(Number.NaN, () => {})).toThrow("clock.schedule: at must be a finite time in ms (got NaN)");
  });
});

describe("createFakeClock: advance runs what fell due", () => {
  it("in time order, ties in scheduling order, and leaves later tasks pending", async () => {
    const clock = frozenClock();
    const ran: string[] = [];
    clock.schedule(START + 300, () => void ran.push("c"));
    clock.schedule(START + 100, () => void ran.push("a"));
    clock.schedule(START + 200, () => void ran.push("b1"));
    clock.schedule(START + 200, () => void ran.push("b2"));
    clock.schedule(START + 5_000, () => void ran.push("late"));

    await clock.advance(300);
    expect(ran).toEqual(["a", "b1", "b2", "c"]);
    expect(clock.pending).toBe(1);

    await clock.advance(4_700);
    expect(ran).toEqual(["a", "b1", "b2", "c", "late"]);
    expect(clock.pending).toBe(0);
  });

  it("keeps that order across many tasks with repeated times", async () => {
    const clock = frozenClock();
    // A fixed pseudo-random sequence: times 0..49 in scrambled order, each used several times.
    const times = Array.from({ length: 2_000 }, (_, i) => (i * 7_919) % 50);
    const ran: number[] = [];
    for (const [index, offset] of times.entries()) clock.schedule(START + offset, () => void ran.push(index));
    await clock.advance(50);
    const expected = times.map((offset, index) => ({ offset, index })).sort((a, b) => a.offset - b.offset || a.index - b.index);
    expect(ran).toEqual(expected.map((entry) => entry.index));
  });

  it("waits for each asynchronous task before the next, and before resolving", async () => {
    const clock = frozenClock();
    const events: string[] = [];
    const slow = async (name: string) => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`${name} end`);
    };
    clock.schedule(START + 10, () => slow("first"));
    clock.schedule(START + 20, () => slow("second"));
    await clock.advance(20);
    expect(events).toEqual(["first start", "first end", "second start", "second end"]);
  });

  it("runs tasks that a task schedules when they are already due, not later ones", async () => {
    const clock = frozenClock();
    const ran: string[] = [];
    clock.schedule(START + 1_000, () => {
      ran.push("sending");
      clock.schedule(clock.now() - 500, () => void ran.push("sent"));
      clock.schedule(clock.now() + 1, () => void ran.push("too late"));
    });
    await clock.advance(1_000);
    expect(ran).toEqual(["sending", "sent"]);
    expect(clock.pending).toBe(1);
  });

  it("keeps running the others when a task throws, and hands the error to onError", async () => {
    const errors: unknown[] = [];
    const clock = frozenClock((error) => errors.push(error));
    const ran: string[] = [];
    clock.schedule(START + 1, () => {
      throw new Error("boom");
    });
    clock.schedule(START + 2, async () => {
      throw new Error("async boom");
    });
    clock.schedule(START + 3, () => void ran.push("after"));
    await clock.advance(3);
    expect(ran).toEqual(["after"]);
    expect(errors.map((error) => (error as Error).message)).toEqual(["boom", "async boom"]);
  });

  it("without onError, advance rejects with every failure after running the rest", async () => {
    const clock = frozenClock();
    const ran: string[] = [];
    clock.schedule(START + 1, () => {
      throw new Error("first");
    });
    clock.schedule(START + 2, () => void ran.push("still ran"));
    const failure = await clock.advance(2).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as AggregateError).errors.map((error: Error) => error.message)).toEqual(["first"]);
    expect(ran).toEqual(["still ran"]);
    await expect(clock.advance(1)).resolves.toBeUndefined();
  });

  it("runs each task once when advances overlap", async () => {
    const clock = frozenClock();
    let runs = 0;
    clock.schedule(START + 10, async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    await Promise.all([clock.advance(10), clock.advance(10)]);
    expect(runs).toBe(1);
  });
});

describe("createFakeClock: real time", () => {
  it("runs a task after its real delay when nobody advances", async () => {
    vi.useFakeTimers({ now: START });
    const clock = createFakeClock();
    const ran: number[] = [];
    clock.schedule(START + 1_000, () => void ran.push(clock.now()));
    await vi.advanceTimersByTimeAsync(999);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual([START + 1_000]);
    clock.close();
  });

  it("re-arms for a task scheduled earlier than the armed one", async () => {
    vi.useFakeTimers({ now: START });
    const clock = createFakeClock();
    const ran: string[] = [];
    clock.schedule(START + 3_600_000, () => void ran.push("in an hour"));
    clock.schedule(START + 50, () => void ran.push("soon"));
    await vi.advanceTimersByTimeAsync(50);
    expect(ran).toEqual(["soon"]);
    expect(clock.pending).toBe(1);
    clock.close();
  });

  it("shortens the real wait after an advance moved time closer to a task", async () => {
    vi.useFakeTimers({ now: START });
    const clock = createFakeClock();
    const ran: string[] = [];
    clock.schedule(START + 60_000, () => void ran.push("due"));
    await clock.advance(59_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ran).toEqual(["due"]);
    clock.close();
  });

  it("arms a timer that does not keep the process alive", () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    const clock = createFakeClock();
    clock.schedule(Date.now() + 3_600_000, () => {});
    const timer = spy.mock.results.at(-1)?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    clock.close();
  });
});

describe("createFakeClock: bounds, reset, close", () => {
  it(`holds at most ${MAX_PENDING_TASKS} pending tasks`, () => {
    const clock = frozenClock();
    for (let i = 0; i < MAX_PENDING_TASKS; i++) clock.schedule(START + i, () => {});
    expect(() => clock.schedule(START, () => {})).toThrow(RangeError);
    expect(() => clock.schedule(START, () => {})).toThrow(`at most ${MAX_PENDING_TASKS} pending tasks`);
    clock.close();
  });

  it("reset drops pending tasks and goes back to real time", async () => {
    const clock = frozenClock();
    const ran: string[] = [];
    await clock.advance(10_000);
    clock.schedule(START + 20_000, () => void ran.push("dropped"));
    clock.reset();
    expect(clock.now()).toBe(START);
    expect(clock.pending).toBe(0);
    await clock.advance(60_000);
    expect(ran).toEqual([]);
  });

  it("close stops the real-time timer and ignores later scheduling", async () => {
    vi.useFakeTimers({ now: START });
    const clock = createFakeClock();
    const ran: string[] = [];
    clock.schedule(START + 100, () => void ran.push("before close"));
    expect(vi.getTimerCount()).toBe(1);
    clock.close();
    expect(vi.getTimerCount()).toBe(0);
    clock.schedule(START + 100, () => void ran.push("after close"));
    await vi.advanceTimersByTimeAsync(1_000);
    await clock.advance(1_000);
    expect(ran).toEqual([]);
  });

  it("idle resolves once the running task has finished", async () => {
    const clock = frozenClock();
    let finished = false;
    clock.schedule(START, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      finished = true;
    });
    const advancing = clock.advance(0);
    await clock.idle();
    expect(finished).toBe(true);
    await advancing;
  });
});
