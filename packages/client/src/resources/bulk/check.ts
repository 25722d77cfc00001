// FaxValidationError comes from the package root: it is the class callers `instanceof`-check
// (each CJS subpath bundle carries its own copy), and the root's per-file ESM build with
// `sideEffects: false` lets a bundler keep just this class.
import { FaxValidationError, type ValidationIssue, type ValidationResult } from "@faxkit/validator";
import { describeValue } from "../../internal/describe-value.js";
import { DEFAULT_BULK_CONCURRENCY } from "./constants.js";
import type { BulkProgress } from "./types.js";

export type BodyValidator = (value: unknown) => ValidationResult<unknown>;

export function checkConcurrency(method: string, value: unknown): number {
  if (value === undefined) return DEFAULT_BULK_CONCURRENCY;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
    throw new TypeError(`${method}: concurrency must be a positive integer (got ${describeValue(value)})`);
  return value;
}

/** The ceiling of the adaptive limit: an integer at least `concurrency` (default `concurrency`, so it never grows past it). */
export function checkMaxConcurrency(method: string, value: unknown, concurrency: number): number {
  if (value === undefined) return concurrency;
  if (typeof value !== "number" || !Number.isInteger(value) || value < concurrency)
    throw new TypeError(`${method}: maxConcurrency must be an integer >= concurrency (${concurrency}) (got ${describeValue(value)})`);
  return value;
}

export function checkOnProgress(method: string, value: unknown): ((progress: BulkProgress) => void) | undefined {
  if (value !== undefined && typeof value !== "function")
    throw new TypeError(`${method}: onProgress must be a function (got ${describeValue(value)})`);
  return value as ((progress: BulkProgress) => void) | undefined;
}

/**
 * A payload the API would reject whatever the IDs. Checked with the first ID for the list, so
 * that ID's own problem is left to {@link idError}.
 */
export function checkPayload(validate: BodyValidator, operationId: string, body: unknown, ids: unknown): void {
  let issues: readonly ValidationIssue[];
  if (Array.isArray(ids) && ids.length > 0 && body !== null && typeof body === "object") {
    const check = validate({ ...body, ids: [ids[0]] });
    issues = check.ok ? [] : check.issues.filter((issue) => !(issue.path === "/ids/0" || issue.path.startsWith("/ids/0/")));
  } else {
    const check = validate(body);
    // The schema accepts a missing/empty/non-array `ids` in no case; the fallback keeps the promise to throw.
    issues = check.ok ? [{ path: "/ids", keyword: "minItems", schemaPath: "", message: "/ids: must have at least 1 item" }] : check.issues;
  }
  if (issues.length > 0) throw new FaxValidationError(issues, { operationId, part: "request" });
}

/** Issues point at `inputIndex` in the caller's list, not at the one-ID body checked. */
export function idError(
  validate: BodyValidator,
  operationId: string,
  body: Readonly<Record<string, unknown>>,
  id: unknown,
  inputIndex: number,
): FaxValidationError | undefined {
  const check = validate({ ...body, ids: [id] });
  if (check.ok) return undefined;
  const at = (text: string) => (text.startsWith("/ids/0") ? `/ids/${inputIndex}${text.slice("/ids/0".length)}` : text);
  const issues = check.issues.map((issue) => ({ ...issue, path: at(issue.path), message: at(issue.message) }));
  return new FaxValidationError(issues, { operationId, part: "request" });
}
