/** One entry of Prism's `sl-violations` header. */
export interface Violation {
  location?: string[];
  severity?: string;
  code?: string | number;
  message?: string;
}

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

/** `request.body.ids: must NOT have more than 100 items` — one line per violation. */
export function describeViolation(violation: Violation): string {
  const where = Array.isArray(violation.location) && violation.location.length > 0 ? violation.location.join(".") : "request";
  return `${where}: ${violation.message ?? "invalid"}`;
}

/**
 * The body a rejected request gets: the API's own error shape (`{ error, description }`,
 * which the spec's `Error` schema allows and nothing more), with every violation spelt out
 * in `description`, since Prism otherwise answers with the spec's static example and hides
 * the reasons in a header.
 */
export function violationBody(status: number, violations: readonly Violation[]): { error: string; description: string } {
  const error = status === 401 ? "unauthorized" : status === 403 ? "forbidden" : status === 404 ? "not_found" : "invalid_request";
  return { error, description: `mock rejected the request: ${violations.map(describeViolation).join("; ")}` };
}
