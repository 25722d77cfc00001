import { quoteRequestText } from "./quote-request-text.js";

/** One entry of Prism's `sl-violations` header. */
export interface Violation {
  location?: string[];
  severity?: string;
  code?: string | number;
  message?: string;
}

/** At most this many violations are spelt out; a body with thousands of bad properties must not give a huge answer. */
const MAX_LISTED = 20;
/** Prism's own cap on the header, under common proxies' 8 KiB header limits. */
const MAX_HEADER_CHARS = 8 * 1024 - 100;

/** Parses the `sl-violations` header (a JSON array); anything else gives `[]`. */
export function parseViolations(header: string | undefined | null): Violation[] {
  if (!header) return [];
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed) ? (parsed as Violation[]) : [];
  } catch {
    return [];
  }
}

/**
 * `"request.body.ids: must NOT have more than 100 items"` — one quoted entry per violation.
 * Prism's messages embed request text (`found 'foo'` names a property that was sent), so the
 * entry goes through the quoting function.
 */
export function describeViolation(violation: Violation): string {
  const where = Array.isArray(violation.location) && violation.location.length > 0 ? violation.location.join(".") : "request";
  return quoteRequestText(`${where}: ${violation.message ?? "invalid"}`, 300);
}

/**
 * The body a rejected request gets: the API's own error shape (`{ error, description }`,
 * which the spec's `Error` schema allows and nothing more), with every violation spelt out
 * in `description`, since Prism otherwise answers with the spec's static example and hides
 * the reasons in a header.
 */
export function violationBody(status: number, violations: readonly Violation[]): { error: string; description: string } {
  const error = status === 401 ? "unauthorized" : status === 403 ? "forbidden" : status === 404 ? "not_found" : "invalid_request";
  const listed = violations.slice(0, MAX_LISTED).map(describeViolation);
  const more = violations.length > MAX_LISTED ? `; and ${violations.length - MAX_LISTED} more` : "";
  return { error, description: `mock rejected the request: ${listed.join("; ")}${more}` };
}

/**
 * The `sl-violations` header value: the JSON array, with every non-ASCII character escaped
 * (a header may carry only Latin-1, and request text can hold anything) and as many entries
 * as fit in Prism's limit, so the value always parses.
 */
export function violationsHeader(violations: readonly Violation[]): string {
  let kept = violations.length;
  let value = asciiJson(violations);
  while (value.length > MAX_HEADER_CHARS && kept > 0) {
    kept = Math.min(kept - 1, Math.floor((kept * MAX_HEADER_CHARS) / value.length));
    value = asciiJson(violations.slice(0, kept).map(shortened));
  }
  return value;
}

function shortened(violation: Violation): Violation {
  return { ...violation, ...(violation.message !== undefined ? { message: violation.message.slice(0, 300) } : {}) };
}

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
