import type { Bump } from "../../diff/rules.js";
import { plural } from "../plural.js";

/**
 * One line: how many changes of each kind (semver level, as `diffSpecs` classifies them).
 *
 * @example
 * ```ts
 * import { summarizeChanges } from "@faxkit/codegen";
 * summarizeChanges([{ bump: "major" }, { bump: "minor" }]); // "2 changes (1 breaking, 1 additive)"
 * ```
 */
export function summarizeChanges(changes: readonly { bump: Bump }[]): string {
  const count = (bump: Bump) => changes.filter((change) => change.bump === bump).length;
  const parts: string[] = [];
  if (count("major") > 0) parts.push(`${count("major")} breaking`);
  if (count("minor") > 0) parts.push(`${count("minor")} additive`);
  if (count("patch") > 0) parts.push(`${count("patch")} patch-level`);
  return `${plural(changes.length, "change")}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

/** What a spec update's changeset says. */
export interface ChangesetInput {
  /** Package → bump, in front-matter order. */
  releases: Readonly<Record<string, Bump>>;
  /** The semver bumps before the 0.x policy, to explain when it lowered one. */
  semverBumps?: Readonly<Record<string, Bump | undefined>>;
  /** The spec's `info.title`. */
  title?: string;
  oldVersion: string;
  newVersion: string;
  changes: readonly { bump: Bump }[];
  /** `renderDiffReport`'s Markdown. */
  report: string;
}

/**
 * The changeset's text: front matter, one changelog line (the spec version; when the 0.x policy
 * lowered a bump, why the report's semver levels are higher than the release), the same-version
 * note, then the report.
 *
 * @example
 * ```ts
 * import { renderChangeset } from "@faxkit/codegen";
 * renderChangeset({ releases: { "@faxkit/types": "patch" }, oldVersion: "3.4.0", newVersion: "3.4.1", changes: [], report: "" });
 * ```
 */
export function renderChangeset(input: ChangesetInput): string {
  const { releases, semverBumps = {}, title = "Fax.Plus REST API", oldVersion, newVersion, changes, report } = input;
  const frontMatter = Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`);
  const sameVersion = oldVersion === newVersion;
  let headline =
    changes.length === 0
      ? `${title} spec ${newVersion} (from ${oldVersion}): only \`info.version\` changed; no operation, parameter or schema did.`
      : `${title} spec ${sameVersion ? `${newVersion}, republished with changes` : `${newVersion} (from ${oldVersion})`}: ${summarizeChanges(changes)}.`;
  const lowered = Object.entries(semverBumps).some(([name, bump]) => releases[name] !== undefined && releases[name] !== bump);
  if (lowered)
    headline +=
      " The levels below are semver's; while the packages are 0.x, a breaking change is released as a minor and any other change as a patch.";
  const body = [headline];
  if (sameVersion)
    body.push(
      `**Note:** Fax.Plus changed the spec without changing its \`info.version\` (still ${newVersion}); \`specInfo.version\` does not tell this spec from the previous one.`,
    );
  if (changes.length > 0) body.push(report.trim());
  return `---\n${frontMatter.join("\n")}\n---\n\n${body.join("\n\n")}\n`;
}
