import { isObject, type JsonObject } from "../model/operations.js";
import type { OperationSide, PartDiff } from "./diff-context.js";
import type { RuleId } from "./rules.js";

/** A security requirement: scheme name → scopes. `{}` means "no authentication". */
type Requirement = Record<string, string[]>;

interface Effective {
  requirements: Requirement[];
  pointer: string;
}

/**
 * The requirements in effect for an operation (its own `security`, else the document's),
 * any one of which suffices. No requirement at all (`[]` or absent) is the same as `[{}]`:
 * anyone may call.
 */
function effectiveSecurity(document: JsonObject, { operation, pointer: operationPointer }: OperationSide): Effective {
  const own = Array.isArray(operation.security);
  const list = own ? (operation.security as unknown[]) : Array.isArray(document.security) ? document.security : [];
  const requirements = list.filter(isObject).map((requirement) => {
    const entries = Object.entries(requirement).map(([scheme, scopes]) => [scheme, Array.isArray(scopes) ? scopes.map(String) : []]);
    return Object.fromEntries(entries) as Requirement;
  });
  return {
    requirements: requirements.length === 0 ? [{}] : requirements,
    pointer: own || !Array.isArray(document.security) ? `${operationPointer}/security` : "/security",
  };
}

function schemesOf(requirement: Requirement): string[] {
  return Object.keys(requirement);
}

/** Every credential that satisfies `wider` also satisfies `narrower`'s schemes ⊆ `wider`'s. */
function coveredBy(narrower: Requirement, wider: Requirement): boolean {
  return schemesOf(narrower).every((scheme) => Object.hasOwn(wider, scheme));
}

function show(requirement: Requirement): string {
  const schemes = schemesOf(requirement);
  return schemes.length === 0 ? "no authentication" : schemes.map((scheme) => `\`${scheme}\``).join(" + ");
}

function scopesBy(requirements: readonly Requirement[]): Map<string, Set<string>> {
  const scopes = new Map<string, Set<string>>();
  for (const requirement of requirements) {
    for (const [scheme, list] of Object.entries(requirement)) {
      const set = scopes.get(scheme) ?? new Set<string>();
      for (const scope of list) set.add(scope);
      scopes.set(scheme, set);
    }
  }
  return scopes;
}

/**
 * Compares the security in effect for two versions of an operation. A requirement's scope
 * list is read as the scopes that grant access (as faxkit's operation table does), so a
 * scope removed tightens and a scope added relaxes. A requirement tightens when a caller
 * who met an old requirement meets no new one.
 */
export function diffSecurity(diff: PartDiff<OperationSide>): void {
  const { site } = diff;
  const before = effectiveSecurity(diff.oldDoc, diff.before);
  const after = effectiveSecurity(diff.newDoc, diff.after);
  const add = (rule: RuleId, pointer: string, text: string) =>
    site.log.add({ rule, pointer, operationId: site.operationId, text, client: true });
  const alternatives = after.requirements.map(show).join(", ");
  for (const requirement of before.requirements) {
    if (after.requirements.some((candidate) => coveredBy(candidate, requirement))) continue;
    const text =
      schemesOf(requirement).length === 0
        ? `security tightened: authentication is now required (one of ${alternatives})`
        : `security tightened: ${show(requirement)} no longer suffices (now one of ${alternatives})`;
    add("security-requirement-tightened", after.pointer, text);
  }
  for (const requirement of after.requirements) {
    if (before.requirements.some((candidate) => coveredBy(candidate, requirement))) continue;
    const text =
      schemesOf(requirement).length === 0
        ? "security relaxed: authentication is no longer required"
        : `security relaxed: ${show(requirement)} now accepted`;
    add("security-requirement-relaxed", after.pointer, text);
  }
  const oldScopes = scopesBy(before.requirements);
  const newScopes = scopesBy(after.requirements);
  for (const [scheme, was] of oldScopes) {
    const now = newScopes.get(scheme);
    if (now === undefined) continue;
    for (const scope of was)
      if (!now.has(scope)) add("security-scope-removed", before.pointer, `scope \`${scope}\` (${scheme}) no longer grants access`);
    for (const scope of now)
      if (!was.has(scope)) add("security-scope-added", after.pointer, `scope \`${scope}\` (${scheme}) now grants access`);
  }
}
