import { createSpinner } from "nanospinner";
import type { CommandContext } from "../internal/context.js";

/** A wait shown to a person: a spinner on a terminal's stderr, nothing elsewhere. */
export interface Wait {
  done(text: string, ok: boolean): void;
}

/**
 * A nanospinner spinner on stderr while `text` (the CLI's own words) is going on, with the
 * seconds waited so far; only when stderr is a terminal.
 *
 * @example
 * ```ts
 * const wait = spinner(ctx, "waiting for delivery");
 * wait.done("delivered", true);
 * ```
 */
export function spinner(ctx: CommandContext, text: string): Wait {
  // nanospinner divides by the terminal's width when it erases: a pseudo-terminal that reports 0
  // columns (some CI runners) would spin it forever, so such a terminal gets no spinner.
  if (!ctx.interactive || !((ctx.io.stderr.columns ?? 0) > 0)) return { done: () => undefined };
  const before = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
  const spin = createSpinner(text, { stream: ctx.io.stderr as NodeJS.WriteStream }).start();
  // nanospinner exits the process on SIGINT/SIGTERM itself; the command handles Ctrl-C (it
  // prints what is still pending), so its listeners go.
  for (const name of ["SIGINT", "SIGTERM"] as const)
    for (const listener of process.listeners(name)) if (!before[name].includes(listener)) process.off(name, listener);
  const started = Date.now();
  const ticker = setInterval(() => spin.update({ text: `${text} (${Math.round((Date.now() - started) / 1000)} s)` }), 1000);
  ticker.unref();
  return {
    done(final, ok) {
      clearInterval(ticker);
      if (ok) spin.success({ text: final });
      else spin.error({ text: final });
    },
  };
}
