/** A dynamic limit for {@link runPool}: read again before every start. */
export interface PoolGate {
  /** Tasks allowed in flight now (below 1 counts as 1). */
  limit(): number;
  /** Wait before the next start, in ms (0: start now). */
  delayMs(): number;
}

/**
 * Runs `task(0…count-1)` in order, at most `concurrency` at once (a number, or a gate whose
 * limit and pauses may change as tasks end). After an abort or a rejection no task starts;
 * running ones finish. Resolves with how many started (a rejection rejects).
 */
export function runPool(
  count: number,
  concurrency: number | PoolGate,
  task: (index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<number> {
  if (typeof concurrency === "number" && (!Number.isInteger(concurrency) || concurrency < 1))
    return Promise.reject(new RangeError(`pool concurrency must be a positive integer (got ${concurrency})`));
  const gate: PoolGate = typeof concurrency === "number" ? { limit: () => concurrency, delayMs: () => 0 } : concurrency;

  return new Promise((resolve, reject) => {
    let next = 0;
    let running = 0;
    let failure: { error: unknown } | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopped = () => next >= count || failure !== undefined || signal?.aborted === true;
    const ended = (error?: { error: unknown }) => {
      running--;
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
        const index = next++;
        running++;
        let started: Promise<void>;
        try {
          started = task(index);
        } catch (error) {
          started = Promise.reject(error);
        }
        started.then(
          () => ended(),
          (error: unknown) => ended({ error }),
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
