import type { ValidationIssue } from "../internal/runtime.js";

/** What was being validated when the issues were found. */
export interface ValidationSubject {
  /** Component schema name, for `assert.<Schema>`. */
  schema?: string;
  /** Operation, for request/response validation. */
  operationId?: string;
  /** `request`, or the response status. */
  part?: string;
}

/**
 * Thrown by `assert.<Schema>` and by the validation middleware. Carries every issue, so
 * a caller can show all of them at once; the message lists the first few.
 *
 * @example
 * ```ts
 * try {
 *   assert.BulkFaxUpdateRequest(body);
 * } catch (error) {
 *   if (error instanceof FaxValidationError) for (const issue of error.issues) console.error(issue.message);
 * }
 * ```
 */
export class FaxValidationError extends Error {
  override readonly name = "FaxValidationError";
  /** Every issue found, each with its JSON pointer and message. */
  readonly issues: readonly ValidationIssue[];
  /** What was validated: a schema, or an operation's request or response. */
  readonly subject: ValidationSubject;

  constructor(issues: readonly ValidationIssue[], subject: ValidationSubject = {}) {
    const what = subject.operationId
      ? `${subject.operationId} ${subject.part ?? "request"}`
      : subject.schema
        ? `value of ${subject.schema}`
        : "value";
    const shown = issues.slice(0, 3).map((issue) => issue.message);
    const more = issues.length > 3 ? `; and ${issues.length - 3} more` : "";
    super(`invalid ${what}: ${shown.join("; ")}${more}`);
    this.issues = issues;
    this.subject = subject;
  }

  /** Plain data for logs: the same as what the message says, plus every issue. */
  toJSON(): { name: string; message: string; subject: ValidationSubject; issues: readonly ValidationIssue[] } {
    return { name: this.name, message: this.message, subject: this.subject, issues: this.issues };
  }
}
