import type { FakeClock } from "../fake-types.js";

/** Most tasks the clock holds at once: a runaway test fails loudly instead of eating memory. */
export const MAX_PENDING_TASKS = 100_000;
/** Most tasks one run may execute: a task that keeps scheduling due tasks cannot hang `advance`. */
const MAX_RUNS_PER_DRAIN = 1_000_000;
/** Longest delay `setTimeout` takes; a later task re-arms the timer when it fires. */
const MAX_TIMER_MS = 2_147_483_647;
/** Errors kept for the next `advance` when no `onError` is given. */
const MAX_HELD_ERRORS = 100;

/** A unit of deferred work: a delivery step, a webhook POST. */
export type ClockTask = () => void | Promise<void>;

/** The engine's side of the clock: what the fake's operations schedule work on. */
export interface EngineClock extends FakeClock {
  /** Runs `task` once fake time reaches `at` (ms since the epoch), by `advance` or by real time. */
  schedule(at: number, task: ClockTask): void;
  /** Drops every pending task and the offset: the clock is on real time again. */
  reset(): void;
  /** Stops the real-time timer and drops pending tasks; later `schedule` calls do nothing. */
  close(): void;
  /** Resolves once no task is running (the one in progress, and what fell due meanwhile). */
  idle(): Promise<void>;
  /** How many tasks wait to run. */
  readonly pending: number;
}

/** Options of {@link createFakeClock}. */
export interface FakeClockOptions {
  /** Source of real time (default `Date.now`); fake time is this plus the advanced offset. */
  now?: () => number;
  /**
   * Called with what a task threw; the other tasks still run. Without it, `advance()` rejects with
   * an `AggregateError` of the errors since the last report, after running everything due.
   */
  onError?: (error: unknown) => void;
}

interface Entry {
  at: number;
  seq: number;
  task: ClockTask;
}

/** Earlier first; equal times in scheduling order. */
function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** A binary min-heap of entries: scheduling and taking the next are O(log n) at 100,000 tasks. */
class TaskQueue {
  #items: Entry[] = [];

  get size(): number {
    return this.#items.length;
  }

  peek(): Entry | undefined {
    return this.#items[0];
  }

  push(entry: Entry): void {
    const items = this.#items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, items[parent] as Entry)) break;
      items[i] = items[parent] as Entry;
      i = parent;
    }
    items[i] = entry;
  }

  pop(): Entry | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && before(items[right] as Entry, items[left] as Entry) ? right : left;
      if (!before(items[child] as Entry, last)) break;
      items[i] = items[child] as Entry;
      i = child;
    }
    items[i] = last;
    return top;
  }

  clear(): void {
    this.#items = [];
  }
}

function describe(value: unknown): string {
  return typeof value === "number" ? String(value) : typeof value;
}

/**
 * The fake's clock. Time is real time plus an offset that only {@link FakeClock.advance} moves;
 * scheduled tasks run when fake time reaches them: at once inside `advance` (in time order,
 * each awaited), or after the real delay by an unref'd timer, so a test that never advances
 * still sees deliveries. Tasks never run two at a time.
 *
 * Do not await `advance()` from inside a task (or from a webhook handler a task is waiting on):
 * it waits for the running task to finish.
 *
 * @example
 * ```ts
 * const clock = createFakeClock();
 * clock.schedule(clock.now() + 60_000, () => markSent(fax));
 * await clock.advance(60_000); // markSent has run
 * ```
 */
export function createFakeClock(options: FakeClockOptions = {}): EngineClock {
  // Looked up per call, so fake timers installed after creation (vi.useFakeTimers) are seen.
  const realNow = options.now ?? (() => Date.now());
  const queue = new TaskQueue();
  let offset = 0;
  let seq = 0;
  let closed = false;
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedAt = Number.POSITIVE_INFINITY;
  let held: unknown[] = [];

  const now = (): number => realNow() + offset;

  const report = (error: unknown): void => {
    if (options.onError) {
      try {
        options.onError(error);
      } catch {
        // A failing error handler must not stop the other tasks.
      }
      return;
    }
    if (held.length < MAX_HELD_ERRORS) held.push(error);
  };

  const disarm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    armedAt = Number.POSITIVE_INFINITY;
  };

  // force: after the offset moved, an armed timer's real delay is stale even for the same task.
  const arm = (force: boolean): void => {
    const first = queue.peek();
    if (closed || first === undefined) {
      disarm();
      return;
    }
    if (!force && timer !== undefined && armedAt <= first.at) return;
    disarm();
    const delay = Math.min(Math.max(0, first.at - now()), MAX_TIMER_MS);
    armedAt = first.at;
    timer = setTimeout(onTimer, delay);
    (timer as { unref?: () => void }).unref?.();
  };

  const takeDue = (): Entry | undefined => {
    const first = queue.peek();
    return first !== undefined && first.at <= now() ? queue.pop() : undefined;
  };

  const drain = async (): Promise<void> => {
    for (let runs = 0; ; runs++) {
      if (runs === MAX_RUNS_PER_DRAIN) {
        report(new RangeError(`fake clock: stopped after ${MAX_RUNS_PER_DRAIN} tasks in one run; a task keeps scheduling due tasks`));
        return;
      }
      const entry = takeDue();
      if (entry === undefined) return;
      try {
        await entry.task();
      } catch (error) {
        report(error);
      }
    }
  };

  // One drain at a time; a caller that finds one running waits, then drains what is still due.
  const runDue = async (): Promise<void> => {
    while (running) await running;
    const first = queue.peek();
    if (first !== undefined && first.at <= now()) {
      running = drain().finally(() => {
        running = undefined;
      });
      await running;
    }
    arm(true);
  };

  function onTimer(): void {
    timer = undefined;
    armedAt = Number.POSITIVE_INFINITY;
    void runDue();
  }

  const takeHeld = (): void => {
    if (held.length === 0) return;
    const errors = held;
    held = [];
    throw new AggregateError(errors, `fake clock: ${errors.length} scheduled task(s) failed`);
  };

  return {
    now,
    async advance(ms: number): Promise<void> {
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`clock.advance: ms must be a finite number ≥ 0 (got ${describe(ms)})`);
      }
      offset += ms;
      await runDue();
      takeHeld();
    },
    schedule(at: number, task: ClockTask): void {
      if (closed) return;
      if (typeof at !== "number" || !Number.isFinite(at)) {
        throw new RangeError(`clock.schedule: at must be a finite time in ms (got ${describe(at)})`);
      }
      if (queue.size >= MAX_PENDING_TASKS) {
        throw new RangeError(`clock.schedule: at most ${MAX_PENDING_TASKS} pending tasks (one more was scheduled)`);
      }
      queue.push({ at, seq: seq++, task });
      arm(false);
    },
    reset(): void {
      queue.clear();
      offset = 0;
      held = [];
      disarm();
    },
    close(): void {
      closed = true;
      queue.clear();
      disarm();
    },
    async idle(): Promise<void> {
      while (running) await running;
    },
    get pending(): number {
      return queue.size;
    },
  };
}
