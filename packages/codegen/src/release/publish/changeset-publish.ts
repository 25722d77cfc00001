import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { RELEASE_PREFIX } from "./release-args.js";
import { exitLabel, type RunTool } from "./tool-runner.js";

/**
 * The real publish: `changeset publish` runs `pnpm publish` for each version not yet on the
 * registry (`workspace:*` written as the exact version, `--access public`) and tags it in git.
 */
export function changesetPublish(run: RunTool): void {
  console.log("\n▸ changeset publish");
  const result = run("pnpm", ["exec", "changeset", "publish"]);
  if (result.status !== 0) throw new ReleaseRefusal(`\`changeset publish\` failed (exit ${exitLabel(result)}).`);
  console.log(`\n${RELEASE_PREFIX} published. Push the new tags: git push --follow-tags`);
}
