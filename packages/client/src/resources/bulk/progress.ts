import type { BulkProgress } from "./types.js";

/**
 * Running counts of settled IDs, and the caller's `onProgress` called so that it cannot
 * break the run: a throw, or a returned promise that rejects, goes to `warn` instead.
 */
export class ProgressReporter {
  private done = 0;
  private succeeded = 0;
  private failed = 0;

  constructor(
    private readonly total: number,
    private readonly onProgress: ((progress: BulkProgress) => void) | undefined,
    private readonly warn: (error: unknown) => void,
  ) {}

  count(ok: boolean): void {
    this.done++;
    if (ok) this.succeeded++;
    else this.failed++;
  }

  report(): void {
    if (!this.onProgress) return;
    try {
      const returned: unknown = this.onProgress({ done: this.done, total: this.total, succeeded: this.succeeded, failed: this.failed });
      // An async callback's rejection would otherwise be unhandled.
      if (isThenable(returned)) Promise.resolve(returned).catch(this.warn);
    } catch (error) {
      this.warn(error);
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === "object" && typeof (value as PromiseLike<unknown>).then === "function";
}
