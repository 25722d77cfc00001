import { type AffectedPackage, ALL_PACKAGES, type Bump, type SpecChange } from "./rules.js";

/** Bumps from weakest to strongest. */
const RANK: Readonly<Record<Bump, number>> = { patch: 0, minor: 1, major: 2 };

/** The stronger of two bumps (`undefined`/`null` counts as none). */
export function maxBump(a: Bump | null | undefined, b: Bump): Bump {
  return a === null || a === undefined || RANK[b] > RANK[a] ? b : a;
}

/**
 * The release a list of changes calls for: the strongest bump among them, or `null` when
 * there is no change at all.
 *
 * @example
 * ```ts
 * import { diffSpecs, overallBump } from "@faxkit/codegen";
 * const bump = overallBump(diffSpecs(oldSpec, newSpec)); // "major" | "minor" | "patch" | null
 * ```
 */
export function overallBump(changes: readonly SpecChange[]): Bump | null {
  let bump: Bump | null = null;
  for (const change of changes) bump = maxBump(bump, change.bump);
  return bump;
}

/**
 * The bump each affected package needs (a package no change touches is absent): the input
 * for a changeset's front matter.
 *
 * @example
 * ```ts
 * import { bumpsByPackage, diffSpecs } from "@faxkit/codegen";
 * bumpsByPackage(diffSpecs(oldSpec, newSpec));
 * // { "@faxkit/types": "major", "@faxkit/validator": "major", "@faxkit/mock": "major" }
 * ```
 */
export function bumpsByPackage(changes: readonly SpecChange[]): Partial<Record<AffectedPackage, Bump>> {
  const found = new Map<AffectedPackage, Bump>();
  for (const change of changes) {
    for (const name of change.packages) found.set(name, maxBump(found.get(name), change.bump));
  }
  const result: Partial<Record<AffectedPackage, Bump>> = {};
  for (const name of ALL_PACKAGES) {
    const bump = found.get(name);
    if (bump !== undefined) result[name] = bump;
  }
  return result;
}
