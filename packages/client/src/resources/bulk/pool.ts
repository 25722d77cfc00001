/** A dynamic limit for {@link runPool}: read again before every start. */
export interface PoolGate {
  /** Tasks allowed in flight now (below 1 counts as 1). */
  limit(): number;
  /** Wait before the next start, in ms (0: start now). */
  delayMs(): number;
  /** Told of each start. */
  started?(): void;
}

/**
 * Runs `task(0…count-1)` in order, at most `concurrency` at once (a number, or a gate whose
 * limit and pauses may change as tasks end). A task that resolves `"again"` is queued to run
 * once more, ahead of the tasks not yet started (the task bounds how often). After an abort or
 * a rejection no task starts; running ones finish. Resolves with how many indices started at
 * least once (a rejection rejects); an index queued again may then not have finished.
 */
export function runPool(
  count: number,
  concurrency: number | PoolGate,
  task: (index: number) => Promise<unknown>,
  signal?: AbortSignal,
): Promise<number> {
  if (typeof concurrency === "number" && (!Number.isInteger(concurrency) || concurrency < 1))
    return Promise.reject(new RangeError(`pool concurrency must be a positive integer (got ${concurrency})`));
  const gate: PoolGate = typeof concurrency === "number" ? { limit: () => concurrency, delayMs: () => 0 } : concurrency;

  return new Promise((resolve, reject) => {
    let next = 0;
    const again: number[] = [];
    let running = 0;
    let failure: { error: unknown } | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopped = () => (next >= count && again.length === 0) || failure !== undefined || signal?.aborted === true;
    const ended = (requeue?: number, error?: { error: unknown }) => {
      running--;
      if (requeue !== undefined) again.push(requeue);
      failure ??= error;
      pump();
    };
    function pump() {
      clearTimeout(timer);
      timer = undefined;
      while (!stopped() && running < Math.max(1, gate.limit())) {
        const wait = gate.delayMs();
        if (wait > 0) {
          timer = setTimeout(pump, wait);
          return;
        }
        const index = again.shift() ?? next++;
        running++;
        gate.started?.();
        let started: Promise<unknown>;
        try {
          started = task(index);
        } catch (error) {
          started = Promise.reject(error);
        }
        started.then(
          (result) => ended(result === "again" ? index : undefined),
          (error: unknown) => ended(undefined, { error }),
        );
      }
      if (!stopped() || running > 0) return;
      signal?.removeEventListener("abort", pump);
      if (failure) reject(failure.error);
      else resolve(next);
    }
    signal?.addEventListener("abort", pump, { once: true });
    pump();
  });
}
