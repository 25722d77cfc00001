import { resolve } from "node:path";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { buildAndTest } from "./build-and-test.js";
import { changesetPublish } from "./changeset-publish.js";
import { publishDryRun } from "./dry-run.js";
import { printPublishList } from "./publish-list.js";
import { parseReleaseArgs, RELEASE_PREFIX, RELEASE_USAGE, type ReleaseArgs } from "./release-args.js";
import { releaseEnv, spawnTool } from "./tool-runner.js";
import { refuseUnconsumedChangesets } from "./unconsumed-changesets.js";
import { checkWorkingTree } from "./working-tree.js";
import { listWorkspace } from "./workspace-list.js";

/** Where the release runs: the workspace root, and the environment its tools get. */
export interface ReleaseCommandOptions {
  /** The workspace root (default: the current directory). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * `faxkit-codegen release [--dry-run] [--skip-build-and-test] [--registry <url>]`: publishes
 * the workspace's public packages at the versions in their package.json files. The versions
 * and CHANGELOGs come from `changeset version`, run and committed beforehand; this never bumps
 * anything. It refuses while unconsumed changesets exist, refuses a real publish from a dirty
 * working tree (a dry run warns), runs `pnpm build` and `pnpm test`, lists the packages, then
 * runs `changeset publish`, or for `--dry-run` `pnpm -r publish --dry-run`, which uploads
 * nothing. `--skip-build-and-test` (dry run only) is for tests of the release flow itself.
 * Returns the exit code: 0 done, 1 refused or a step failed, 2 bad arguments.
 *
 * @example
 * ```ts
 * import { releaseCommand } from "@faxkit/codegen";
 * process.exitCode = await releaseCommand(["--dry-run"]);
 * ```
 */
export async function releaseCommand(argv: readonly string[], options: ReleaseCommandOptions = {}): Promise<number> {
  const parsed = parseReleaseArgs(argv);
  if (parsed.kind === "help") {
    console.log(RELEASE_USAGE);
    return 0;
  }
  if (parsed.kind === "error") {
    console.error(`${RELEASE_PREFIX} ${parsed.message}\n${RELEASE_USAGE}`);
    return 2;
  }
  try {
    release(resolve(options.cwd ?? process.cwd()), parsed.args, options.env ?? process.env);
    return 0;
  } catch (error) {
    if (!(error instanceof ReleaseRefusal)) throw error;
    console.error(`\n${RELEASE_PREFIX} refused. ${error.message}`);
    return 1;
  }
}

/** The steps, in order; each refuses by throwing {@link ReleaseRefusal}. */
function release(root: string, args: ReleaseArgs, baseEnv: NodeJS.ProcessEnv): void {
  const run = spawnTool(root, releaseEnv(baseEnv, args.registry));
  const workspace = listWorkspace(run, root);
  refuseUnconsumedChangesets(root, new Set(workspace.published.map((pkg) => pkg.name)));
  checkWorkingTree(run, args.dryRun);
  if (args.skipBuildAndTest) console.log(`\n${RELEASE_PREFIX} build and tests skipped (--skip-build-and-test)`);
  else buildAndTest(run);
  printPublishList(workspace, args.dryRun);
  if (args.dryRun) publishDryRun(run, workspace.published, args.registry);
  else changesetPublish(run);
}
