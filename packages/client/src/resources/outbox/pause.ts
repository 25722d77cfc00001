import { AbortError } from "../../errors/index.js";
import { redactedError } from "../../internal/redacted-error.js";

/** Waits `ms`; the caller's signal ends the wait at once with an `AbortError` (its reason the cause). */
export function pause(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => redactedError(AbortError, `${what} was aborted by the caller`, { cause: signal?.reason });
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
