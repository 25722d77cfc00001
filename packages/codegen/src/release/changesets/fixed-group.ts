import { existsSync } from "node:fs";
import { join } from "node:path";
import { SPEC_PACKAGE } from "../command-names.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { isJsonObject, readJsonFile } from "../read-json-file.js";

/** Where changesets keeps its config, relative to the project root. */
export const CHANGESET_CONFIG = ".changeset/config.json";

/**
 * The `fixed` group of `.changeset/config.json` that holds `member` (default: the spec package):
 * the packages changesets releases together at one version. Read from the config, never assumed,
 * so that the release a spec update plans is the one `changeset version` will make. Entries may
 * be globs (`@faxkit/*`), as changesets allows; they are matched against `packageNames`. Without a
 * config, or with no group holding `member`, the group is `member` alone.
 *
 * @example
 * ```ts
 * import { readFixedGroup } from "@faxkit/codegen";
 * readFixedGroup(process.cwd(), ["@faxkit/types", "@faxkit/validator", "@faxkit/mock"]);
 * // ["@faxkit/types", "@faxkit/validator", "@faxkit/mock"]
 * ```
 */
export function readFixedGroup(root: string, packageNames: readonly string[], member: string = SPEC_PACKAGE): string[] {
  const file = join(root, CHANGESET_CONFIG);
  if (!existsSync(file)) return [member];
  return fixedGroupOf(readJsonFile(file, CHANGESET_CONFIG), packageNames, member);
}

/** {@link readFixedGroup} on an already parsed config. */
export function fixedGroupOf(config: unknown, packageNames: readonly string[], member: string = SPEC_PACKAGE): string[] {
  const fixed = isJsonObject(config) ? (config.fixed ?? []) : undefined;
  if (!Array.isArray(fixed) || !fixed.every((group) => Array.isArray(group) && group.every((entry) => typeof entry === "string")))
    throw new ReleaseRefusal(`${CHANGESET_CONFIG}: \`fixed\` must be a list of groups, each a list of package names or globs.`);
  for (const group of fixed as string[][]) {
    const names = expandGroup(group, packageNames);
    if (names.includes(member)) return names;
  }
  return [member];
}

/** A group's entries in order, each glob replaced by the package names it matches (sorted), no repeats. */
function expandGroup(group: readonly string[], packageNames: readonly string[]): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  for (const entry of group) {
    if (!entry.includes("*")) add(entry);
    else for (const name of [...packageNames].sort()) if (globPattern(entry).test(name)) add(name);
  }
  return names;
}

/** changesets' globs as used in `fixed`: `*` stands for any run of characters; nothing else is special. */
function globPattern(glob: string): RegExp {
  const escaped = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`);
}
