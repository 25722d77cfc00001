import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Prefix of the update's temporary folder in the system's temp directory (tests look for it). */
export const TEMP_PREFIX = "faxkit-spec-update-";

/**
 * A private folder in the system's temp directory where the new spec is rendered before anything
 * in the project is touched. `dispose` is synchronous and idempotent, so a signal handler can
 * call it right before exiting.
 */
export class TempWorkspace {
  private disposed = false;

  private constructor(readonly dir: string) {}

  static create(): TempWorkspace {
    return new TempWorkspace(mkdtempSync(join(tmpdir(), TEMP_PREFIX)));
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
