import { quoteRequestText } from "../../internal/quote-request-text.js";
import { LIMITS } from "./limits.js";

/** One validation issue, as `@faxkit/validator` reports it. */
export interface IssueLike {
  message: string;
}

/**
 * A rejected request's description: every issue's message, each quoted (messages can embed
 * request text, such as an unknown property's name), the first {@link LIMITS.listedIssues}
 * spelt out and the rest counted, after `lead`.
 *
 * @example
 * ```ts
 * describeIssues([{ message: "/body/ids: must have at most 100 items (got 101)" }]);
 * // 'request rejected: "/body/ids: must have at most 100 items (got 101)"'
 * ```
 */
export function describeIssues(issues: readonly IssueLike[], lead = "request rejected"): string {
  const listed = issues.slice(0, LIMITS.listedIssues).map((issue) => quoteRequestText(issue.message, 300));
  const more = issues.length > LIMITS.listedIssues ? `; and ${issues.length - LIMITS.listedIssues} more` : "";
  return `${lead}: ${listed.join("; ")}${more}`;
}
