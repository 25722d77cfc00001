import type { Bump } from "../../diff/rules.js";
import type { UpdatePlan } from "./plan-update.js";
import { log } from "./update-session.js";

/** The release the update calls for, next to the semver levels it came from. */
export interface ReleaseVerdict {
  releases: Record<string, Bump>;
  semverBumps: Readonly<Record<string, Bump | undefined>>;
  fixedGroup: readonly string[];
}

/**
 * Prints the report and the release it calls for. Printed before the type check's verdict is
 * acted on, so that a reader sees what the spec changes even when it cannot be applied yet.
 */
export function printVerdict(plan: UpdatePlan, verdict: ReleaseVerdict): void {
  const { releases, semverBumps, fixedGroup } = verdict;
  log(`\n${plan.changes.length > 0 ? plan.report.trim() : `Only info.version changed (${plan.oldVersion} → ${plan.newVersion}).`}`);
  const width = Math.max(...Object.keys(releases).map((name) => name.length));
  const groupLabel = `[fixed group: ${fixedGroup.map((name) => name.replace(/^@[^/]+\//, "")).join(", ")}]`;
  log("\nRelease (the 0.x policy of .changeset/README.md: breaking → minor, additive or patch-level → patch):");
  for (const [name, bump] of Object.entries(releases)) {
    const semver = semverBumps[name];
    const why = semver && semver !== bump ? ` (${semver} by semver)` : semver ? "" : " (the fixed group's release)";
    const inGroup = fixedGroup.length > 1 && fixedGroup.includes(name) ? `  ${groupLabel}` : "";
    log(`  ${name.padEnd(width)}  ${bump}${why}${inGroup}`);
  }
}
