/**
 * Runs `task(0…count-1)` in order, at most `concurrency` at once. After an abort or a rejection
 * no task starts; running ones finish. Resolves with how many started (a rejection rejects).
 */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<number> {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`pool concurrency must be a positive integer (got ${concurrency})`);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < count && !failed && !signal?.aborted) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, count) }, worker));
  const rejected = settled.find((outcome) => outcome.status === "rejected");
  if (rejected) throw rejected.reason;
  return next;
}
