// STUB — being implemented (issue 4). Signatures are fixed; bodies to be written.
import type { ClientContext } from "../internal/client-context.js";
import type { CallOptions } from "./call-options.js";
import type { OperationArgs } from "./operation-types.js";

/** Which bulk operation `bulkUpdateAll` drives. */
export type BulkOperationId = "bulkUpdateFaxes" | "bulkUpdateOutboxFaxes";

/** Options of `bulkUpdateAll`: per-call options apply to every chunk. */
export interface BulkUpdateAllOptions extends CallOptions {
  /** Chunks in flight at once (default 4). */
  concurrency?: number;
  /** Called after each chunk settles. */
  onProgress?: (progress: BulkProgress) => void;
}

/** Progress after a chunk settles. */
export interface BulkProgress {
  /** Unique IDs settled so far (sent and answered, or failed). */
  done: number;
  /** Unique IDs in total. */
  total: number;
  succeeded: number;
  failed: number;
}

/** Outcome for one input ID, in input order. */
export interface BulkItemResult {
  id: string;
  /** True when the API reported 204 for this ID. */
  ok: boolean;
  /** The API's per-item code (204, 403, 404, 409, 500), or `undefined` when the item never got one. */
  code: number | undefined;
  /** Why the item failed when there is no per-item code: a rejected ID, or the error of its whole chunk. */
  error?: Error;
  /** True for the second and later occurrences of an ID in the input (not sent again; result copied). */
  duplicate?: boolean;
}

/** Result of `bulkUpdateAll`. */
export interface BulkUpdateAllResult {
  /** One entry per input ID, in input order (duplicates included, marked). */
  results: BulkItemResult[];
  summary: {
    /** Input IDs, duplicates included. */
    total: number;
    /** Unique IDs. */
    unique: number;
    succeeded: number;
    failed: number;
    /** Requests sent. */
    requests: number;
    /** Count of unique IDs by outcome: "204", "404", …, "invalid" (rejected before sending), "error" (chunk failed). */
    byCode: Record<string, number>;
  };
}

/** The bulk operation's own arguments, with `ids` of any length (distributes over the "at least one of" union). */
export type BulkUpdateAllArgs<Id extends BulkOperationId> =
  OperationArgs<Id> extends infer A ? (A extends unknown ? Omit<A, "ids"> & { ids: readonly string[] } : never) : never;

/** `fax.faxes.bulkUpdateAll` / `fax.outbox.bulkUpdateAll`. */
export type BulkUpdateAllMethod<Id extends BulkOperationId> = (
  args: BulkUpdateAllArgs<Id>,
  options?: BulkUpdateAllOptions,
) => Promise<BulkUpdateAllResult>;

export function createBulkUpdateAll<Id extends BulkOperationId>(_ctx: ClientContext, _operationId: Id): BulkUpdateAllMethod<Id> {
  return async () => {
    throw new Error("bulkUpdateAll is not implemented yet");
  };
}
