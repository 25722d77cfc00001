/**
 * Runs `task(0)` … `task(count - 1)`, starting them in index order with at most
 * `concurrency` unfinished at once. Once `signal` has fired no further task starts (those
 * running finish on their own terms), and neither does one after a task rejected; that
 * rejection then rejects the pool once the running tasks end. Resolves with the number of
 * tasks started: the ones from that index on never ran.
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
