import type { CallOptions } from "../call-options.js";
import type { OperationArgs } from "../operation-types.js";

/** Which bulk operation `bulkUpdateAll` drives. */
export type BulkOperationId = "bulkUpdateFaxes" | "bulkUpdateOutboxFaxes";

/**
 * Options of `bulkUpdateAll`; the per-call options apply to every chunk's request.
 *
 * @example
 * ```ts
 * await fax.faxes.bulkUpdateAll({ ids, is_read: true }, { concurrency: 2, onProgress: (p) => console.log(`${p.done}/${p.total}`) });
 * ```
 */
export interface BulkUpdateAllOptions extends CallOptions {
  /**
   * Chunks in flight at once to start with: a positive integer (default 4). Under a rate limit
   * the number adapts (AIMD): each 429 halves it (floor 1) and pauses new chunks for the
   * `Retry-After`; each answered chunk raises it by `1/limit` (about +1 per round of requests)
   * up to `maxConcurrency`.
   */
  concurrency?: number;
  /** Ceiling of the adaptive limit: an integer `>= concurrency` (default `concurrency`, so it only recovers). */
  maxConcurrency?: number;
  /**
   * Called once per chunk, after it settles (answered, failed or not sent). What it throws or
   * rejects with is logged at `warn` and ignored, so it cannot lose results.
   */
  onProgress?: (progress: BulkProgress) => void;
}

/**
 * Progress in unique IDs. IDs rejected before sending count as settled (failed) from the
 * first call on, so the last call has `done === total`.
 *
 * @example
 * ```ts
 * onProgress: ({ done, total, failed }) => bar.update(done / total, { failed })
 * ```
 */
export interface BulkProgress {
  /** Unique IDs settled so far: answered, or rejected before sending. */
  done: number;
  /** Unique IDs in the call. */
  total: number;
  /** IDs the API updated. */
  succeeded: number;
  /** IDs not updated: refused by the API, rejected before sending, or in a request that failed. */
  failed: number;
}

/**
 * Outcome for one input ID.
 *
 * @example
 * ```ts
 * { id: "x".repeat(33), ok: false, code: undefined, error: FaxValidationError } // never sent
 * ```
 */
export interface BulkItemResult {
  /** The ID as given (a non-string from untyped code is kept, so it can be matched). */
  id: string;
  /** Whether this item was updated. */
  ok: boolean;
  /** The API's per-item code (204, 403, 404, 409, 500). */
  code: number | undefined;
  /**
   * Why there is no code: a `FaxValidationError` (never sent), the error of the whole chunk
   * (`ServerError`, `TimeoutError`, `AbortError`, …, redacted), or a `FaxPlusError` when the
   * answer did not mention the ID.
   */
  error?: Error;
  /** A repeat: not sent again, its result copied. */
  duplicate?: boolean;
}

/**
 * Result of `bulkUpdateAll`: `results` in input order, repeats included; `summary` counts
 * unique IDs (`succeeded + failed === unique`) except `total`.
 *
 * @example
 * ```ts
 * // summary: { total: 250, unique: 240, succeeded: 238, failed: 2, requests: 3, byCode: { "204": 238, "404": 1, invalid: 1 }, aborted: false }
 * ```
 */
export interface BulkUpdateAllResult {
  /** One per id given, in input order (repeats included, marked `duplicate`). */
  results: BulkItemResult[];
  /** Counts over the whole call. */
  summary: {
    total: number;
    unique: number;
    succeeded: number;
    failed: number;
    /** One per chunk started; the transport's retries are not counted. */
    requests: number;
    /** Per-item code, or `invalid` (rejected before sending) or `error` (no code: see `BulkItemResult.error`). */
    byCode: Record<string, number>;
    /** The caller's `signal` stopped at least one chunk; the call still resolves with what finished. */
    aborted: boolean;
  };
}

/** The bulk operation's own arguments with `ids` of any length (distributed over the "at least one of" union). */
export type BulkUpdateAllArgs<Id extends BulkOperationId> =
  OperationArgs<Id> extends infer A ? (A extends unknown ? Omit<A, "ids"> & { ids: readonly string[] } : never) : never;

/**
 * `fax.faxes.bulkUpdateAll` / `fax.outbox.bulkUpdateAll`: any number of IDs, 100 per request;
 * one result per ID, even when requests fail or the caller aborts.
 *
 * @example
 * ```ts
 * const { summary } = await fax.outbox.bulkUpdateAll({ ids: outboxIds, comment: "hold" });
 * ```
 */
export type BulkUpdateAllMethod<Id extends BulkOperationId> = (
  args: BulkUpdateAllArgs<Id>,
  options?: BulkUpdateAllOptions,
) => Promise<BulkUpdateAllResult>;
