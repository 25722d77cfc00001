/** A bump as a changeset's front matter names it. */
export type ChangesetBump = "major" | "minor" | "patch" | "none";

/**
 * Package → bump from a changeset's front matter (`"@faxkit/types": minor`, quoted or bare
 * names); `{}` when the text has no front matter.
 *
 * @example
 * ```ts
 * import { readChangesetReleases } from "@faxkit/codegen";
 * readChangesetReleases('---\n"@faxkit/types": minor\n---\n\nNew operation.\n'); // { "@faxkit/types": "minor" }
 * ```
 */
export function readChangesetReleases(text: string): Record<string, ChangesetBump> {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!match?.[1]) return {};
  const releases: Record<string, ChangesetBump> = {};
  for (const line of match[1].split(/\r?\n/)) {
    const entry = /^\s*(["']?)(.+?)\1\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
    // Own keys only: a package may not be called __proto__, but a hostile file may say it is.
    if (entry?.[2] !== undefined && entry[2] !== "__proto__") releases[entry[2]] = entry[3] as ChangesetBump;
  }
  return releases;
}
