import { AbortError } from "../../errors/index.js";
import type { BulkItemResult, BulkUpdateAllResult } from "./types.js";

/**
 * How a unique ID ended up. `invalid` (rejected before sending) and `error` (no per-item
 * code) are also the `byCode` keys of such items.
 */
export interface Outcome {
  kind: "code" | "invalid" | "error";
  result: BulkItemResult;
}

/** The summary of a run from its outcomes, one per unique ID; `total` counts the input with repeats. */
export function summarize(outcomes: readonly Outcome[], total: number, requests: number): BulkUpdateAllResult["summary"] {
  let succeeded = 0;
  let aborted = false;
  const byCode: Record<string, number> = {};
  for (const { kind, result } of outcomes) {
    if (result.ok) succeeded++;
    // Only the caller's signal makes a chunk fail with AbortError (sent or not).
    if (kind === "error" && result.error instanceof AbortError) aborted = true;
    const key = kind === "code" ? String(result.code) : kind;
    byCode[key] = (byCode[key] ?? 0) + 1;
  }
  const unique = outcomes.length;
  return { total, unique, succeeded, failed: unique - succeeded, requests, byCode, aborted };
}
