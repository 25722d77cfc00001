import type { OperationValidators } from "./operation-lookup.js";
import { type DriftReport, fail, type ResponseValidator, run, type ValidationIssue } from "./runtime.js";

/** Options of `validateResponse`. */
export interface ResponseValidationOptions {
  /**
   * Accept properties and enum values the spec does not list (the API adds them over time)
   * and report each as drift instead of an issue. Default: false (strict).
   */
  tolerateDrift?: boolean;
}

/** Outcome of a response validation; `drift` lists what a tolerant check let through. */
export type ResponseValidationResult = ({ ok: true } | { ok: false; issues: ValidationIssue[] }) & {
  /** What a drift-tolerant check accepted although the spec does not list it; empty otherwise. */
  drift: DriftReport[];
};

/** The validator documented for a status: exact (`200`), range (`2XX`) or `default`. */
export function responseValidatorFor(responses: Record<string, ResponseValidator>, status: number): ResponseValidator | undefined {
  return responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default;
}

/**
 * The response check behind `validateResponse` and the middleware, given the operation's
 * validators already loaded (see `checkRequest` for why).
 */
export function checkResponse(
  op: OperationValidators,
  status: number,
  body: unknown,
  options: ResponseValidationOptions = {},
): ResponseValidationResult {
  const responses = op.responses as Record<string, ResponseValidator>;
  const validator = responseValidatorFor(responses, status);
  const issues: ValidationIssue[] = [];
  const ctx = { i: issues, d: null, r: 2 as const, n: 0 };
  if (validator === undefined) {
    const documented = Object.keys(responses).join(", ");
    fail(
      ctx,
      "",
      "responses",
      `${op.path}/responses`,
      `status ${status} is not documented for ${op.operationId} (documented: ${documented})`,
    );
    return { ok: false, issues, drift: [] };
  }
  if (validator.kind === "json") {
    const result = run(validator.check, body, 2, options.tolerateDrift === true);
    return result.ok ? { ok: true, drift: result.drift } : { ok: false, issues: result.issues, drift: result.drift };
  }
  if (validator.kind === "empty" && body !== undefined && body !== null && body !== "") {
    fail(ctx, "", "responses", `${op.path}/responses/${status}`, `must be empty: status ${status} of ${op.operationId} has no body`);
    return { ok: false, issues, drift: [] };
  }
  return { ok: true, drift: [] };
}
