import type { ValidatedOperationId } from "./generated/operations.js";
import { checkResponse, type ResponseValidationOptions, type ResponseValidationResult } from "./internal/check-response.js";
import { operationById } from "./internal/operation-lookup.js";

export { type ResponseValidationOptions, type ResponseValidationResult, responseValidatorFor } from "./internal/check-response.js";

/**
 * Checks a response body against what the spec documents for its status: JSON bodies by
 * schema (`writeOnly` properties rejected), bodiless statuses must be empty, binary ones
 * (PDF, TIFF) are not inspected. An undocumented status is an issue.
 *
 * @example
 * ```ts
 * const { data, response } = await client.GET("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } } });
 * const result = validateResponse("listFaxes", response.status, data, { tolerateDrift: true });
 * for (const d of result.drift) console.warn("spec drift", d.path, d.kind);
 * ```
 */
export function validateResponse(
  operationId: ValidatedOperationId | (string & {}),
  status: number,
  body: unknown,
  options: ResponseValidationOptions = {},
): ResponseValidationResult {
  return checkResponse(operationById(operationId), status, body, options);
}
