import type { ResolvedConfig } from "../../config.js";
import { readFixedGroup } from "../changesets/fixed-group.js";
import { lockPath } from "../lock/spec-lock.js";
import { rootRelative } from "../root-path.js";
import { workspacePackages } from "../workspace-packages.js";

/** What both guard modes need to know about the project, read once. */
export interface GuardContext {
  config: ResolvedConfig;
  root: string;
  /** Absolute path of the lock. */
  lockFile: string;
  /** The lock and the spec as messages show them (root-relative). */
  lockShown: string;
  specShown: string;
  /** The spec package's fixed group, from `.changeset/config.json`. */
  fixedGroup: string[];
}

export function guardContext(config: ResolvedConfig): GuardContext {
  const root = config.root;
  const lockFile = lockPath(config);
  const names = workspacePackages(root).map((pkg) => pkg.name);
  return {
    config,
    root,
    lockFile,
    lockShown: rootRelative(root, lockFile),
    specShown: rootRelative(root, config.spec),
    fixedGroup: readFixedGroup(root, names),
  };
}
