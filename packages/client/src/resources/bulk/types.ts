import type { CallOptions } from "../call-options.js";
import type { OperationArgs } from "../operation-types.js";

/** Which bulk operation `bulkUpdateAll` drives. */
export type BulkOperationId = "bulkUpdateFaxes" | "bulkUpdateOutboxFaxes";

/**
 * Options of `bulkUpdateAll`: the per-call options (`signal`, `timeout`, `maxRetries`,
 * `retry`, `headers`) apply to every chunk's request.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await fax.faxes.bulkUpdateAll(
 *   { ids, is_read: true },
 *   { concurrency: 2, timeout: 10_000, signal: controller.signal, onProgress: (p) => console.log(`${p.done}/${p.total}`) },
 * );
 * ```
 */
export interface BulkUpdateAllOptions extends CallOptions {
  /** Chunks in flight at once: a positive integer (default 4); anything else is a `TypeError`. */
  concurrency?: number;
  /**
   * Called after each chunk settles (answered, failed, or not sent because of an abort), so
   * once per chunk. Not called when no chunk is sent (every ID rejected up front). An
   * exception it throws (or a promise it returns that rejects) is logged at `warn` and
   * ignored: it cannot lose results.
   */
  onProgress?: (progress: BulkProgress) => void;
}

/**
 * Progress after a chunk settles. IDs rejected before sending count as settled (and
 * failed) from the first call on, so the last call has `done === total`.
 *
 * @example
 * ```ts
 * onProgress: ({ done, total, failed }) => bar.update(done / total, { failed })
 * ```
 */
export interface BulkProgress {
  /** Unique IDs settled so far (sent and answered, or failed). */
  done: number;
  /** Unique IDs in total. */
  total: number;
  /** Unique IDs the API reported 204 for, so far. */
  succeeded: number;
  /** Unique IDs settled any other way, so far. */
  failed: number;
}

/**
 * Outcome for one input ID, in input order.
 *
 * @example
 * ```ts
 * { id: "66df09cf1d6d0b295c363956", ok: true, code: 204 }
 * { id: "66df09cf1d6d0b295c363957", ok: false, code: 404 }
 * { id: "x".repeat(33), ok: false, code: undefined, error: FaxValidationError } // never sent
 * { id: "66df09cf1d6d0b295c363958", ok: false, code: undefined, error: ServerError } // its chunk failed
 * { id: "66df09cf1d6d0b295c363956", ok: true, code: 204, duplicate: true }
 * ```
 */
export interface BulkItemResult {
  /** The ID as given (a non-string from untyped code is kept as is, so it can be matched). */
  id: string;
  /** True when the API reported 204 for this ID. */
  ok: boolean;
  /** The API's per-item code (204, 403, 404, 409, 500), or `undefined` when the item never got one. */
  code: number | undefined;
  /**
   * Why the item failed when there is no per-item code: a `FaxValidationError` for an ID
   * rejected before sending; the error of its whole chunk (`ServerError`, `ConnectionError`,
   * `TimeoutError`, `AbortError`, …, already redacted); or a `FaxPlusError` when the API's
   * answer did not mention the ID.
   */
  error?: Error;
  /** True for the second and later occurrences of an ID in the input (not sent again; result copied). */
  duplicate?: boolean;
}

/**
 * Result of `bulkUpdateAll`. Counts are of unique IDs (`succeeded + failed === unique`),
 * except `total`.
 *
 * @example
 * ```ts
 * const { results, summary } = await fax.faxes.bulkUpdateAll({ ids, is_read: true });
 * // summary: { total: 250, unique: 240, succeeded: 238, failed: 2, requests: 3, byCode: { "204": 238, "404": 1, invalid: 1 }, aborted: false }
 * const retry = results.filter((r) => !r.ok && !r.duplicate && r.code === undefined).map((r) => r.id);
 * ```
 */
export interface BulkUpdateAllResult {
  /** One entry per input ID, in input order (duplicates included, marked). */
  results: BulkItemResult[];
  summary: {
    /** Input IDs, duplicates included. */
    total: number;
    /** Unique IDs. */
    unique: number;
    /** Unique IDs the API reported 204 for. */
    succeeded: number;
    /** Unique IDs that did not succeed: another per-item code, rejected up front, or no per-item code (see `error`). */
    failed: number;
    /** Requests sent: one per chunk started (the transport's retries of a chunk are not counted again). */
    requests: number;
    /**
     * Count of unique IDs by outcome: "204", "404", …, "invalid" (rejected before sending),
     * "error" (no per-item code: the chunk failed, was not sent, or the API did not mention the ID).
     */
    byCode: Record<string, number>;
    /**
     * True when the caller's `signal` stopped at least one chunk: chunks not yet started are
     * not sent and chunks in flight are cut off, and every item of those carries an
     * `AbortError`. The call still resolves, so the results of the chunks that finished are kept.
     */
    aborted: boolean;
  };
}

/** The bulk operation's own arguments, with `ids` of any length (distributes over the "at least one of" union). */
export type BulkUpdateAllArgs<Id extends BulkOperationId> =
  OperationArgs<Id> extends infer A ? (A extends unknown ? Omit<A, "ids"> & { ids: readonly string[] } : never) : never;

/**
 * `fax.faxes.bulkUpdateAll` / `fax.outbox.bulkUpdateAll`: any number of IDs, sent 100 per
 * request; resolves with one result per ID, even when some requests fail or the caller aborts.
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
