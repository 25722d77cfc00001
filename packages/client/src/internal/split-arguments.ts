import { type CalledOperation, type SplitArguments, split } from "./call-operation.js";

// Apart from call-operation.ts: only the lazily loaded helpers (bulkUpdateAll) check arguments ahead of a call.
/**
 * Splits the one argument object of a resource method by the operation table: names of
 * path, query and header parameters go to `params`, everything else to the JSON body.
 * `user_id` defaults to the client's. A missing path parameter, one that is a dot segment
 * (`.`, `..`, `%2e`: see `isDotSegment`), or an argument an operation without a body
 * cannot take, rejects with a `TypeError` naming the operation, the key and what it
 * accepts — nothing is sent.
 *
 * @example
 * ```ts
 * await splitArguments(operations.updateFax, { fax_id: "f1", is_read: true }, "self");
 * // { params: { path: { user_id: "self", fax_id: "f1" } }, body: { is_read: true } }
 * ```
 */
export async function splitArguments(op: CalledOperation, args: unknown, userId: string): Promise<SplitArguments> {
  const result = split(op, args, userId);
  if ("problem" in result) throw (await import("./argument-error.js")).argumentError(op, result);
  return result;
}
