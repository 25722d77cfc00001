import cliProgress from "cli-progress";
import type { CommandContext } from "../internal/context.js";

/** A progress display: a bar on a terminal's stderr, nothing elsewhere. */
export interface Progress {
  update(done: number, counts: { succeeded: number; failed: number }): void;
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A cli-progress bar on stderr, redrawn in place, only when stderr is a terminal (a log file or a
 * pipe gets no frames, only the final line the command prints). Labels are the CLI's own words.
 *
 * @example
 * ```ts
 * const bar = progressBar(ctx, "mark-read", ids.length);
 * bar.update(100, { succeeded: 99, failed: 1 });
 * bar.stop();
 * ```
 */
export function progressBar(ctx: CommandContext, label: string, total: number): Progress {
  if (!ctx.interactive) return NONE;
  const bar = new cliProgress.SingleBar(
    {
      stream: ctx.io.stderr,
      format: `${label} [{bar}] {value}/{total} | {succeeded} ok, {failed} failed | ETA {eta}s`,
      hideCursor: true,
      clearOnComplete: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { succeeded: 0, failed: 0 });
  return {
    update: (done, counts) => bar.update(done, counts),
    stop: () => bar.stop(),
  };
}
