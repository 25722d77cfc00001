// What the versioning policy in .changeset/README.md says should happen, computed from the
// versions on disk (so the tests keep passing after real releases move them).
import type { RepoCopy } from "./repo-copy.js";

export const PUBLIC_PACKAGES = ["@faxkit/cli", "@faxkit/client", "@faxkit/codegen", "@faxkit/mock", "@faxkit/types", "@faxkit/validator"];
/** `fixed` in .changeset/config.json: generated from, or shipping, the spec; always one version. */
export const FIXED_GROUP = ["@faxkit/mock", "@faxkit/types", "@faxkit/validator"];

export type Bump = "major" | "minor" | "patch";

export function bumpVersion(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The next version of the fixed group: the highest current version in the group, bumped. */
export function nextFixedVersion(copy: RepoCopy, bump: Bump): string {
  const versions = FIXED_GROUP.map((name) => copy.packages.find((pkg) => pkg.name === name)?.version ?? "0.0.0");
  return bumpVersion(versions.sort(compareVersions).at(-1) ?? "0.0.0", bump);
}

/** Every workspace package's version as it was when the copy was made, with `changes` applied. */
export function versionsAfter(copy: RepoCopy, changes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(copy.packages.map((pkg) => [pkg.name, changes[pkg.name] ?? pkg.version]));
}

export function originalVersion(copy: RepoCopy, name: string): string {
  const pkg = copy.packages.find((p) => p.name === name);
  if (!pkg) throw new Error(`no workspace package ${name}`);
  return pkg.version;
}

/** The body of one release in a CHANGELOG.md, from its `## <version>` heading up to the next. */
export function changelogSection(changelog: string, version: string): string | undefined {
  const start = changelog.indexOf(`\n## ${version}\n`);
  if (start < 0) return undefined;
  const end = changelog.indexOf("\n## ", start + 1);
  return changelog.slice(start + 1, end < 0 ? undefined : end).trim();
}
