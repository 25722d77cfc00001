import { quoteSpecValue } from "../../quote/spec-value-text.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { packageSpec } from "./publish-list.js";
import { shownRegistry } from "./registry-url.js";
import { RELEASE_PREFIX } from "./release-args.js";
import { exitLabel, type RunTool } from "./tool-runner.js";
import type { ListedPackage } from "./workspace-list.js";

/** A package version pnpm's dry run would have uploaded. */
export interface DryRunRelease {
  name: string;
  version: string;
}

/**
 * The releases in `pnpm -r publish --dry-run` output: one `Skip publishing <name>@<version> (dry run)`
 * line each. Versions already on the registry get no such line.
 *
 * @example
 * ```ts
 * parseDryRunOutput("Skip publishing @faxkit/types@0.2.0 (dry run)"); // [{ name: "@faxkit/types", version: "0.2.0" }]
 * ```
 */
export function parseDryRunOutput(output: string): DryRunRelease[] {
  return [...output.matchAll(/Skip publishing (\S+)@(\S+) \(dry run\)/g)].map(([, name = "", version = ""]) => ({
    name: quoteSpecValue(name),
    version: quoteSpecValue(version),
  }));
}

/**
 * `pnpm -r publish --dry-run --no-git-checks --access public`: packs every public package and
 * uploads nothing. It does read the registry (one GET of each package's metadata) to skip
 * versions already published; the summary names both groups.
 */
export function publishDryRun(run: RunTool, published: readonly ListedPackage[], registry: string | undefined): void {
  const args = ["-r", "publish", "--dry-run", "--no-git-checks", "--access", "public"];
  const shown = registry === undefined ? [] : ["--registry", shownRegistry(registry)];
  console.log(`\n▸ pnpm ${[...args, ...shown].join(" ")}`);
  const result = run("pnpm", [...args, ...(registry === undefined ? [] : ["--registry", registry])], { capture: true });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) throw new ReleaseRefusal(`\`pnpm -r publish --dry-run\` failed (exit ${exitLabel(result)}).`);
  const would = parseDryRunOutput(`${result.stdout}\n${result.stderr}`);
  const skipped = published.filter((pkg) => !would.some((release) => release.name === pkg.name));
  console.log(`\n${RELEASE_PREFIX} dry run, nothing published. Would publish ${would.length}: ${would.map(packageSpec).join(", ")}`);
  if (skipped.length > 0) console.log(`already on the registry at this version: ${skipped.map(packageSpec).join(", ")}`);
}
