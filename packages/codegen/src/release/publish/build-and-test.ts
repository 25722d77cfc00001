import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { exitLabel, type RunTool } from "./tool-runner.js";

/** `pnpm build`, then `pnpm test` (the whole suite, as CI runs it); their output goes straight to the terminal. */
export function buildAndTest(run: RunTool): void {
  for (const script of ["build", "test"]) {
    console.log(`\n▸ pnpm ${script}`);
    const result = run("pnpm", [script]);
    if (result.status !== 0) throw new ReleaseRefusal(`\`pnpm ${script}\` failed (exit ${exitLabel(result)}).`);
  }
}
