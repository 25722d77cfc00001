import { quoteSpecValue } from "../../quote/spec-value-text.js";
import { type PendingChangeset, pendingChangesets } from "../changesets/pending.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { boundedLines } from "./bounded-lines.js";

/** `  .changeset/x.md: @faxkit/types minor, @faxkit/mock patch`. */
function describe({ file, releases }: PendingChangeset): string {
  const bumps = Object.entries(releases).map(([name, bump]) => `${quoteSpecValue(name)} ${bump}`);
  return `  ${quoteSpecValue(file)}: ${bumps.join(", ") || "(no packages)"}`;
}

/**
 * A changeset naming only packages that are never versioned: `changeset version` leaves it
 * in place, so the release would refuse forever unless someone is told.
 */
function isStuck({ releases }: PendingChangeset, versioned: ReadonlySet<string>): boolean {
  const names = Object.keys(releases);
  return names.length > 0 && names.every((name) => !versioned.has(name));
}

/**
 * Refuses while `.changeset/` holds changesets `changeset version` has not consumed: the
 * versions on disk are not the ones they ask for. `versioned` holds the public packages.
 *
 * @example
 * ```ts
 * refuseUnconsumedChangesets(root, new Set(["@faxkit/types"])); // throws ReleaseRefusal naming each pending file
 * ```
 */
export function refuseUnconsumedChangesets(root: string, versioned: ReadonlySet<string>): void {
  const pending = pendingChangesets(root).sort((a, b) => a.file.localeCompare(b.file));
  if (pending.length === 0) return;
  const stuck = pending.filter((changeset) => isStuck(changeset, versioned));
  const advice = ["Run `pnpm changeset version`, review and commit the new versions and CHANGELOGs, then release."];
  if (stuck.length > 0)
    advice.push(
      `${stuck.map((c) => quoteSpecValue(c.file)).join(", ")} names only packages that are never versioned (private or unknown):` +
        " `changeset version` leaves it in place, so delete it or name a published package.",
    );
  throw new ReleaseRefusal(`${pending.length} unconsumed changeset(s):\n${boundedLines(pending.map(describe))}\n${advice.join("\n")}`);
}
