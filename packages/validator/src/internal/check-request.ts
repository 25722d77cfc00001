import type { OperationValidators } from "./operation-lookup.js";
import { run, type ValidationIssue } from "./runtime.js";

/** What a request to an operation carries, in openapi-fetch's shape. */
export interface RequestParts {
  /** `{ path, query, header }` parameter values. */
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  /** The JSON body (ignored for operations whose body is not JSON, e.g. multipart uploads). */
  body?: unknown;
}

/** Outcome of a request or response validation. */
export type OperationValidationResult = { ok: true } | { ok: false; issues: ValidationIssue[] };

/**
 * The request check behind `validateRequest` and the middleware, given the operation's
 * validators already loaded: the middleware loads them per operation on first use, so it
 * must not go through the by-id table that imports every operation.
 */
export function checkRequest(op: OperationValidators, parts: RequestParts): OperationValidationResult {
  const issues: ValidationIssue[] = [];
  const { params: paramValues, body } = parts ?? {};
  // Pushed one by one: a hostile body can produce far more issues than a spread allows arguments.
  for (const issue of run(op.params, withoutEmptyLocations(paramValues), 1, false, "/params").issues) issues.push(issue);
  if (body === undefined) {
    if (op.bodyRequired)
      report(issues, "/body", "required", `${op.path}/requestBody/required`, "is required (the operation needs a request body)");
  } else if (op.body !== null) {
    for (const issue of run(op.body, body, 1, false, "/body").issues) issues.push(issue);
  } else if (op.bodyContentType === null) {
    report(issues, "/body", "requestBody", "", `must be absent: ${op.operationId} takes no request body`);
  }
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

/** `{ query: {} }` or `{ query: undefined }` says nothing: drop it, so operations without query parameters accept it. */
function withoutEmptyLocations(params: RequestParts["params"]): Record<string, unknown> {
  if (params === null || typeof params !== "object") return params ?? {};
  const out: Record<string, unknown> = {};
  for (const [location, values] of Object.entries(params)) {
    if (values === undefined) continue;
    if (values !== null && typeof values === "object" && Object.keys(values).length === 0) continue;
    out[location] = values;
  }
  return out;
}

function report(issues: ValidationIssue[], path: string, keyword: string, schemaPath: string, message: string): void {
  issues.push({ path, keyword, schemaPath, message: `${path}: ${message}` });
}
