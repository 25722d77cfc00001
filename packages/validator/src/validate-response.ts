import type { ValidatedOperationId } from "./generated/operations.js";
import { operationById } from "./internal/operation-lookup.js";
import { type DriftReport, fail, type ResponseValidator, run, type ValidationIssue } from "./internal/runtime.js";

/** Options of {@link validateResponse}. */
export interface ResponseValidationOptions {
  /**
   * Accept properties and enum values the spec does not list (the API adds them over time)
   * and report each as drift instead of an issue. Default: false (strict).
   */
  tolerateDrift?: boolean;
}

/** Outcome of a response validation; `drift` lists what a tolerant check let through. */
export type ResponseValidationResult = ({ ok: true } | { ok: false; issues: ValidationIssue[] }) & { drift: DriftReport[] };

/** The validator documented for a status: exact (`200`), range (`2XX`) or `default`. */
export function responseValidatorFor(responses: Record<string, ResponseValidator>, status: number): ResponseValidator | undefined {
  return responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default;
}

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
  const op = operationById(operationId);
  const validator = responseValidatorFor(op.responses as Record<string, ResponseValidator>, status);
  const issues: ValidationIssue[] = [];
  const ctx = { i: issues, d: null, r: 2 as const, n: 0 };
  if (validator === undefined) {
    fail(
      ctx,
      "",
      "responses",
      `${op.path}/responses`,
      `status ${status} is not documented for ${operationId} (documented: ${Object.keys(op.responses).join(", ")})`,
    );
    return { ok: false, issues, drift: [] };
  }
  if (validator.kind === "json") {
    const result = run(validator.check, body, 2, options.tolerateDrift === true);
    return result.ok ? { ok: true, drift: result.drift } : { ok: false, issues: result.issues, drift: result.drift };
  }
  if (validator.kind === "empty" && body !== undefined && body !== null && body !== "") {
    fail(ctx, "", "responses", `${op.path}/responses/${status}`, `must be empty: status ${status} of ${operationId} has no body`);
    return { ok: false, issues, drift: [] };
  }
  return { ok: true, drift: [] };
}
