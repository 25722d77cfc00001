import { RELEASE_PREFIX } from "./release-args.js";
import type { ReleaseWorkspace } from "./workspace-list.js";

/** `name@version`, as pnpm and the registry write a package release. */
export function packageSpec(pkg: { name: string; version: string | undefined }): string {
  return `${pkg.name}@${pkg.version}`;
}

/** Prints what the release is about to publish, and how many packages stay private. */
export function printPublishList({ published, privateCount }: ReleaseWorkspace, dryRun: boolean): void {
  console.log(
    `\n${RELEASE_PREFIX} ${dryRun ? "would publish" : "publishing"} ${published.length} public packages (versions already on the registry are skipped):`,
  );
  for (const pkg of published) console.log(`  ${packageSpec(pkg)}`);
  console.log(`not published (private): ${privateCount} packages`);
}
