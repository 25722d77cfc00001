import type { OperationCall } from "./operation-call.js";

/**
 * Runtime description of one API operation, as the generated `operations` table holds it:
 * everything in {@link OperationCall} plus what documentation, validators, mocks and access
 * checks need (tag, statuses, scopes, security, idempotency).
 *
 * @example
 * ```ts
 * import { type OperationMeta, operations } from "@faxkit/types";
 *
 * const op: OperationMeta = operations.bulkUpdateFaxes;
 * console.log(op.method, op.path, op.scopes); // "PUT" "/accounts/{user_id}/faxes" ["fax:all:edit", "fax:fax:edit"]
 * if (op.idempotent) console.log("safe to retry");
 * ```
 */
export interface OperationMeta extends OperationCall {
  /** The spec's operationId (also the record's key in the table). */
  readonly operationId: string;
  /** First tag, or null. */
  readonly tag: string | null;
  /** The spec's summary, or null. */
  readonly summary: string | null;
  /** Names of the parameters marked `required`. */
  readonly requiredParams: readonly string[];
  /** 2xx statuses (numbers) and ranges such as "2XX". */
  readonly successStatuses: readonly (number | string)[];
  /** Other documented statuses, ranges and "default". */
  readonly errorStatuses: readonly (number | string)[];
  /** Scopes that grant access (from the configured scheme, or from all schemes). */
  readonly scopes: readonly string[];
  /** Security requirements: any one of them suffices. */
  readonly security: readonly Readonly<Record<string, readonly string[]>>[];
  /** Whether the method is idempotent (RFC 9110 §9.2.2), so a retry is safe. */
  readonly idempotent: boolean;
  /** Whether the spec marks the operation deprecated. */
  readonly deprecated: boolean;
}
