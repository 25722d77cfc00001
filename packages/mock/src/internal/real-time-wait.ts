/** setTimeout's longest delay; a longer one would fire at once (with a warning). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Waits `ms` of real time, or less when `signal` aborts. Resolves `true` when the time passed,
 * `false` when it was cut short (the client went away: nobody is left to answer). A delay that
 * is not a positive finite number does not wait; one over about 24.8 days waits that long.
 *
 * @example
 * ```ts
 * if (!(await realTimeWait(answer.delayMs ?? 0, request.signal))) return; // aborted
 * ```
 */
export function realTimeWait(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (!(ms > 0)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (waited: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", aborted);
      resolve(waited);
    };
    const aborted = () => done(false);
    const timer = setTimeout(() => done(true), Math.min(ms, MAX_TIMER_MS));
    signal.addEventListener("abort", aborted, { once: true });
  });
}
