import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { boundedLines } from "./bounded-lines.js";
import { RELEASE_PREFIX } from "./release-args.js";
import type { RunTool } from "./tool-runner.js";

/**
 * A real release publishes a commit, not a working tree: uncommitted changes (or no git work
 * tree at all) refuse it. A dry run only warns.
 */
export function checkWorkingTree(run: RunTool, dryRun: boolean): void {
  const status = run("git", ["status", "--porcelain"], { capture: true });
  const dirty = status.status !== 0 ? "(not a git work tree)" : boundedLines(status.stdout.trim().split("\n").filter(Boolean));
  if (dirty === "") return;
  if (!dryRun) throw new ReleaseRefusal(`the working tree has uncommitted changes; commit them first:\n${dirty}`);
  console.warn(`${RELEASE_PREFIX} warning: uncommitted changes (a real release would refuse):\n${dirty}`);
}
