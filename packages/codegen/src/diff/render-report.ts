import { bumpsByPackage, overallBump } from "./bump.js";
import type { Bump, SpecChange } from "./rules.js";

const ORDER: readonly Bump[] = ["major", "minor", "patch"];

/** The group heading for changes without an operation. */
const SPEC_WIDE = "Spec-wide";

function countLine(changes: readonly SpecChange[]): string {
  const parts = ORDER.map((bump) => [bump, changes.filter((change) => change.bump === bump).length] as const)
    .filter(([, count]) => count > 0)
    .map(([bump, count]) => `${count} ${bump}`);
  return `${changes.length} change${changes.length === 1 ? "" : "s"} (${parts.join(", ")})`;
}

/**
 * A human-readable report of a spec diff, in Markdown: the overall bump, the bump per
 * package, then the changes grouped by operation (spec-wide changes last), strongest
 * first. The release script uses it as the changeset body.
 *
 * @example
 * ```ts
 * import { diffSpecs, renderDiffReport } from "@faxkit/codegen";
 * console.log(renderDiffReport(diffSpecs(before, after), { oldVersion: "3.4.0", newVersion: "3.5.0" }));
 * // Spec 3.4.0 → 3.5.0: **major**, 2 changes (1 major, 1 minor).
 * //
 * // Packages: @faxkit/types major, @faxkit/validator major, @faxkit/mock major.
 * //
 * // **sendFax**
 * // - major: request property `comment` became required (`request-property-became-required`)
 * // …
 * ```
 */
export function renderDiffReport(changes: readonly SpecChange[], info: { oldVersion: string; newVersion: string }): string {
  const title = `Spec ${info.oldVersion} → ${info.newVersion}`;
  const bump = overallBump(changes);
  if (bump === null) return `${title}: no changes to the API.\n`;
  const packages = Object.entries(bumpsByPackage(changes)).map(([name, packageBump]) => `${name} ${packageBump}`);
  const lines = [`${title}: **${bump}**, ${countLine(changes)}.`, "", `Packages: ${packages.join(", ")}.`];
  const groups = new Map<string | null, SpecChange[]>();
  for (const change of changes) groups.set(change.operationId, [...(groups.get(change.operationId) ?? []), change]);
  const names: (string | null)[] = [...groups.keys()].filter((name) => name !== null);
  if (groups.has(null)) names.push(null);
  for (const name of names) {
    lines.push("", `**${name ?? SPEC_WIDE}**`);
    const group = [...(groups.get(name) ?? [])].sort((a, b) => ORDER.indexOf(a.bump) - ORDER.indexOf(b.bump));
    for (const change of group) {
      const prefix = `${name}: `;
      const text = name !== null && change.message.startsWith(prefix) ? change.message.slice(prefix.length) : change.message;
      const review = change.rule === "unclassified-change" ? " — review by hand" : "";
      lines.push(`- ${change.bump}: ${text} (\`${change.rule}\`)${review}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
