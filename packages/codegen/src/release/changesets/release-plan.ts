import { maxBump } from "../../diff/bump.js";
import type { Bump } from "../../diff/rules.js";
import { SPEC_PACKAGE } from "../command-names.js";

/**
 * The bump a package gets for a change of semver level `bump`, by the policy of
 * `.changeset/README.md`: while the package is 0.x, breaking (major) → minor, additions and
 * fixes → patch; from 1.0.0 on, semver as classified.
 *
 * @example
 * ```ts
 * import { policyBump } from "@faxkit/codegen";
 * policyBump("major", "0.4.0"); // "minor"
 * policyBump("major", "1.2.0"); // "major"
 * ```
 */
export function policyBump(bump: Bump, currentVersion: string | undefined): Bump {
  if (!/^0\./.test(currentVersion ?? "")) return bump;
  return bump === "major" ? "minor" : "patch";
}

/**
 * A changeset's releases: each package of `semverBumps` at its policy bump, in that order. The
 * spec package is always named (every update changes what it publishes, at least
 * `specInfo.version`): when the diff does not name it, it comes first, at the highest bump among
 * its `fixedGroup`, or patch.
 *
 * @example
 * ```ts
 * import { planReleases } from "@faxkit/codegen";
 * planReleases({ "@faxkit/validator": "major" }, { "@faxkit/validator": "0.4.0" }, ["@faxkit/types", "@faxkit/validator"]);
 * // { "@faxkit/types": "minor", "@faxkit/validator": "minor" }
 * ```
 */
export function planReleases(
  semverBumps: Readonly<Record<string, Bump | undefined>>,
  versions: Readonly<Record<string, string | undefined>>,
  fixedGroup: readonly string[],
): Record<string, Bump> {
  const releases: Record<string, Bump> = {};
  for (const [name, bump] of Object.entries(semverBumps)) if (bump !== undefined) releases[name] = policyBump(bump, versions[name]);
  if (releases[SPEC_PACKAGE] !== undefined) return releases;
  let group: Bump | undefined;
  for (const name of fixedGroup) {
    const bump = releases[name];
    if (bump !== undefined) group = maxBump(group, bump);
  }
  return { [SPEC_PACKAGE]: group ?? "patch", ...releases };
}
