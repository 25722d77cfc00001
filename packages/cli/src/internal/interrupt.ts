import { EXIT } from "./exit-codes.js";

/** Ctrl-C as an `AbortSignal`, until `dispose()`. */
export interface Interrupt {
  readonly signal: AbortSignal;
  dispose(): void;
}

/**
 * Turns the first SIGINT into an abort, so the command can print what it finished and exit 130;
 * a second SIGINT exits at once.
 *
 * @example
 * ```ts
 * const interrupt = listenForInterrupt();
 * try { await fax.faxes.bulkUpdateAll(args, { signal: interrupt.signal }); } finally { interrupt.dispose(); }
 * ```
 */
export function listenForInterrupt(): Interrupt {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  return { signal: controller.signal, dispose: () => process.off("SIGINT", onSignal) };
}
