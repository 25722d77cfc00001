import { type AffectedPackage, ALL_PACKAGES, type RuleId, ruleOf, type SpecChange } from "./rules.js";

/**
 * Where a message names the response status(es) it concerns. Changes that differ only in
 * the status (one `Error` schema behind 400, 401 and 500) merge into one line:
 * "responses 400, 401, 500 property `error` removed".
 */
export const STATUS = "\u0000";

/** One change as a differ finds it, before merging and message assembly. */
export interface ChangeInput {
  rule: RuleId;
  pointer: string;
  operationId: string | null;
  /** The message after "operationId: "; may contain {@link STATUS} once. */
  text: string;
  /** Fills {@link STATUS}. */
  status?: string;
  /** The change is in a parameter or the operation itself, so the client is affected too. */
  client?: boolean;
}

interface Entry {
  input: ChangeInput;
  statuses: string[];
}

function fillStatus(text: string, statuses: readonly string[]): string {
  if (!text.includes(STATUS)) return text;
  const label = statuses.length === 0 ? "response" : statuses.length === 1 ? `response ${statuses[0]}` : `responses ${statuses.join(", ")}`;
  return text.replace(STATUS, label);
}

/**
 * Collects changes in the order they are found, drops repeats (a component reached twice
 * from one operation) and merges changes that differ only in the response status.
 */
export class ChangeLog {
  private readonly entries = new Map<string, Entry>();

  add(input: ChangeInput): void {
    const key = [input.rule, input.pointer, input.operationId ?? "", input.text, input.client === true].join("\u0001");
    const known = this.entries.get(key);
    const entry = known ?? { input, statuses: [] };
    if (input.status !== undefined && !entry.statuses.includes(input.status)) entry.statuses.push(input.status);
    if (known === undefined) this.entries.set(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The collected changes as the public {@link SpecChange} list. */
  changes(): SpecChange[] {
    return [...this.entries.values()].map(({ input, statuses }) => {
      const rule = ruleOf(input.rule);
      const packages = new Set<AffectedPackage>(rule.packages);
      if (input.client === true) packages.add("@faxkit/client");
      const text = fillStatus(input.text, statuses);
      return {
        rule: input.rule,
        bump: rule.bump,
        pointer: input.pointer,
        operationId: input.operationId,
        packages: ALL_PACKAGES.filter((name) => packages.has(name)),
        message: input.operationId === null ? text : `${input.operationId}: ${text}`,
      };
    });
  }
}
