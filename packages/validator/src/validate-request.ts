import type { ValidatedOperationId } from "./generated/operations.js";
import { checkRequest, type OperationValidationResult, type RequestParts } from "./internal/check-request.js";
import { operationById } from "./internal/operation-lookup.js";

export type { OperationValidationResult, RequestParts } from "./internal/check-request.js";

/**
 * Checks a request before it is sent: parameters (required ones present, none unknown,
 * each value matching its schema) and the JSON body (required when the spec says so;
 * `readOnly` properties rejected). Issue paths start with `/params/…` or `/body/…`.
 *
 * @example
 * ```ts
 * const result = validateRequest("bulkUpdateFaxes", {
 *   params: { path: { user_id: "self" } },
 *   body: { ids: ["a1b2c3"], is_read: true },
 * });
 * if (!result.ok) console.error(result.issues.map((i) => i.message).join("\n"));
 * ```
 */
export function validateRequest(operationId: ValidatedOperationId | (string & {}), parts: RequestParts): OperationValidationResult {
  return checkRequest(operationById(operationId), parts);
}
