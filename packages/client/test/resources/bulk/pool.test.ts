import { describe, expect, it } from "vitest";
import { type PoolGate, runPool } from "../../../src/resources/bulk/pool.js";

/** A task body that records start order, end order and the most tasks running at once. */
function recorder(waitFor: (index: number) => Promise<void> = () => Promise.resolve()) {
  const started: number[] = [];
  const ended: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const task = async (index: number) => {
    started.push(index);
    running++;
    maxRunning = Math.max(maxRunning, running);
    try {
      await waitFor(index);
    } finally {
      running--;
      ended.push(index);
    }
  };
  return { task, started, ended, maxRunning: () => maxRunning };
}

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("runPool", () => {
  it.each([
    { count: 10, concurrency: 1, expected: 1 },
    { count: 10, concurrency: 3, expected: 3 },
    { count: 2, concurrency: 8, expected: 2 },
  ])("runs $count tasks with at most $expected at once (concurrency $concurrency)", async ({ count, concurrency, expected }) => {
    const run = recorder(() => tick(2));
    const started = await runPool(count, concurrency, run.task);
    expect(started).toBe(count);
    expect(run.started).toEqual(Array.from({ length: count }, (_, k) => k));
    expect(run.ended.sort((a, b) => a - b)).toEqual(run.started);
    expect(run.maxRunning()).toBe(expected);
  });

  it("starts a waiting task as soon as any running one ends, not in batches", async () => {
    // Task 0 is slow; tasks 1.. are quick, so with 2 slots they all run beside task 0.
    const run = recorder((index) => tick(index === 0 ? 30 : 1));
    await runPool(6, 2, run.task);
    expect(run.ended.at(-1)).toBe(0);
  });

  it("resolves with 0 and runs nothing for no tasks", async () => {
    const run = recorder();
    expect(await runPool(0, 4, run.task)).toBe(0);
    expect(run.started).toEqual([]);
  });

  it("starts nothing once the signal has fired, lets running tasks finish, and says how many started", async () => {
    const controller = new AbortController();
    const run = recorder(async (index) => {
      if (index === 2) controller.abort();
      await tick(1);
    });
    const started = await runPool(10, 2, run.task, controller.signal);
    expect(started).toBe(3);
    expect(run.started).toEqual([0, 1, 2]);
    expect(run.ended.sort()).toEqual([0, 1, 2]);
  });

  it("starts nothing with a signal that has already fired", async () => {
    const run = recorder();
    expect(await runPool(5, 2, run.task, AbortSignal.abort())).toBe(0);
    expect(run.started).toEqual([]);
  });

  it("rejects with a task's rejection after the running tasks end, starting no more", async () => {
    const run = recorder(async (index) => {
      await tick(index === 0 ? 1 : 10);
      if (index === 0) throw new Error("task 0 broke");
    });
    await expect(runPool(10, 2, run.task)).rejects.toThrow("task 0 broke");
    expect(run.started).toEqual([0, 1]);
    expect(run.ended.sort()).toEqual([0, 1]);
  });

  it.each([0, -2, 1.5, Number.NaN])("refuses concurrency %s with a RangeError", async (concurrency) => {
    await expect(runPool(1, concurrency, async () => undefined)).rejects.toThrow(RangeError);
  });

  it("reads a dynamic limit before every start: a lowered limit lets running tasks drain first", async () => {
    let limit = 4;
    const gate: PoolGate = { limit: () => limit, delayMs: () => 0 };
    const runningAtStart: number[] = [];
    let running = 0;
    await runPool(12, gate, async (index) => {
      runningAtStart.push(running);
      running++;
      if (index === 3) limit = 1;
      if (index === 8) limit = 3;
      await tick(2);
      running--;
    });
    // Tasks 0-3 start together; from task 4 on, one at a time until task 8 raises the limit.
    expect(runningAtStart.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(runningAtStart.slice(4, 9)).toEqual([0, 0, 0, 0, 0]);
    expect(Math.max(...runningAtStart.slice(9))).toBeGreaterThan(0);
    expect(Math.max(...runningAtStart.slice(9))).toBeLessThan(3);
  });

  it("starts nothing while the gate asks to wait, then goes on", async () => {
    let open = false;
    const gate: PoolGate = { limit: () => 2, delayMs: () => (open ? 0 : 10) };
    setTimeout(() => {
      open = true;
    }, 25);
    const openAtStart: boolean[] = [];
    expect(
      await runPool(3, gate, async () => {
        openAtStart.push(open);
      }),
    ).toBe(3);
    expect(openAtStart).toEqual([true, true, true]);
  });

  it("an abort during a pause ends the pool at once with what started", async () => {
    const controller = new AbortController();
    const gate: PoolGate = { limit: () => 1, delayMs: () => 60_000 };
    const run = recorder();
    const done = runPool(3, gate, run.task, controller.signal);
    setTimeout(() => controller.abort(), 5);
    expect(await done).toBe(0);
    expect(run.started).toEqual([]);
  });

  it("runs a task that asks to run again once more, ahead of those not yet started, within the limit", async () => {
    const runs: number[] = [];
    let asked = false;
    const started = await runPool(4, 1, async (index) => {
      runs.push(index);
      if (index === 1 && !asked) {
        asked = true;
        return "again";
      }
      return undefined;
    });
    expect(runs).toEqual([0, 1, 1, 2, 3]);
    expect(started).toBe(4);
  });
});
