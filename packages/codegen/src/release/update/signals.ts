import { constants } from "node:os";

/** The signals that end an update early: Ctrl-C and a polite kill. */
export type StopSignal = "SIGINT" | "SIGTERM";

/**
 * Calls `handler` on SIGINT or SIGTERM until the returned function is called. Installed before
 * the update's first step, so no moment exists where a signal kills it with files half-written.
 */
export function onStopSignal(handler: (signal: StopSignal) => void): () => void {
  const onInt = () => handler("SIGINT");
  const onTerm = () => handler("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  return () => {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  };
}

/** The shell's convention for a process ended by a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function signalExitCode(signal: StopSignal): number {
  return 128 + (constants.signals[signal] ?? 2);
}
