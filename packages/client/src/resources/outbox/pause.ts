import { AbortError } from "../../errors/index.js";
import { delay } from "../../internal/delay.js";
import { redactedError } from "../../internal/redacted-error.js";

/** Waits `ms`; the caller's signal ends the wait at once with an `AbortError` (its reason the cause). */
export function pause(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
  return delay(ms, signal).catch((reason: unknown) => {
    throw redactedError(AbortError, `${what} was aborted by the caller`, { cause: reason });
  });
}
