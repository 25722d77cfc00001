import { validateResponse } from "@faxkit/validator";

/** Which operation's 200 answer carries each seeded record kind, so it is checked exactly as the fake will serve it. */
const CHECKED_AS = {
  Account: (value: unknown) => validateResponse("getUser", 200, value, { tolerateDrift: false }),
  Fax: (value: unknown) => validateResponse("getFax", 200, value, { tolerateDrift: false }),
  Outbox: (value: unknown) => validateResponse("getOutboxFax", 200, value, { tolerateDrift: false }),
  Number: (value: unknown) => validateResponse("getNumber", 200, value, { tolerateDrift: false }),
  MemberDetail: (value: unknown) => validateResponse("getMemberDetails", 200, value, { tolerateDrift: false }),
  Webhook: (value: unknown) => validateResponse("getWebhooks", 200, { data: [value] }, { tolerateDrift: false }),
} as const;

export type RecordKind = keyof typeof CHECKED_AS;

/**
 * Throws a TypeError naming `where` and every issue when `value` is not a valid `kind` with
 * nothing the spec does not list (the fake serves records as they are, and its answers must
 * validate strictly).
 *
 * @example
 * ```ts
 * checkRecord("Fax", fixtures.fax(), "seed: faxes[0]");
 * ```
 */
export function checkRecord(kind: RecordKind, value: unknown, where: string): void {
  const result = CHECKED_AS[kind](value);
  if (result.ok) return;
  const issues = result.issues.slice(0, 10).map((issue) => issue.message.replace(/^\/(data\/0)?/, "/"));
  throw new TypeError(`${where} is not a valid ${kind}: ${issues.join("; ")}`);
}

/** Whether `value` is a valid `kind` (strictly); for updates whose result must still be servable. */
export function recordIssues(kind: RecordKind, value: unknown): string[] {
  const result = CHECKED_AS[kind](value);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}
