import { existsSync } from "node:fs";
import { join } from "node:path";
import { bumpsByPackage } from "../../diff/bump.js";
import { generate } from "../../generate.js";
import { writeOutputSet } from "../../write/atomic-write.js";
import { changesetFileName } from "../changesets/changeset-file.js";
import { renderChangeset } from "../changesets/changeset-text.js";
import { readFixedGroup } from "../changesets/fixed-group.js";
import { planReleases } from "../changesets/release-plan.js";
import { UPDATE_COMMAND } from "../command-names.js";
import { writeLock } from "../lock/lock-file.js";
import { computeLock, lockPath } from "../lock/spec-lock.js";
import { plural } from "../plural.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { workspacePackages, workspaceVersions } from "../workspace-packages.js";
import type { UpdatePlan } from "./plan-update.js";
import { Snapshot } from "./snapshot.js";
import { runTypecheck } from "./typecheck.js";
import { typecheckScope } from "./typecheck-scope.js";
import { done, log, showPath, UPDATE_PREFIX, type UpdateSession } from "./update-session.js";
import { printVerdict, type ReleaseVerdict } from "./verdict.js";

/**
 * Steps 4–5, in the project: snapshot every file about to change, write the new spec, regenerate,
 * type-check, then write the changeset and the lock (a dry run restores instead). Any failure
 * leaves the snapshot in the session for the caller to restore.
 */
export async function applyUpdate(session: UpdateSession, plan: UpdatePlan): Promise<void> {
  const { config } = plan;
  const root = config.root;
  const show = (path: string) => showPath(session, path);
  const packages = workspacePackages(root);
  const semverBumps = bumpsByPackage(plan.changes);
  const fixedGroup = readFixedGroup(
    root,
    packages.map((pkg) => pkg.name),
  );
  const verdict: ReleaseVerdict = { releases: planReleases(semverBumps, workspaceVersions(packages), fixedGroup), semverBumps, fixedGroup };
  const changesetFile = changesetFileName(plan.newVersion, (file) => existsSync(join(root, file)));
  const changesetText = renderChangeset({ ...plan, ...verdict });
  const lockFile = lockPath(config);

  const snapshot = new Snapshot();
  session.snapshot = snapshot;
  for (const file of [config.spec, lockFile, join(root, changesetFile), config.outputs.resolvedSpec]) snapshot.addFile(file);
  snapshot.addFolder(config.outputs.types);
  if (config.outputs.validators) snapshot.addFolder(config.outputs.validators);

  await writeOutputSet({ files: [{ path: config.spec, content: plan.specText }], ownedFolders: [] });
  const generated = await generate({ config });
  done(
    `${show(config.spec)} replaced; regenerated: ${generated.written.length} written, ${generated.unchanged.length} unchanged, ${generated.removed.length} removed`,
  );

  if (session.args.skipTypecheck) log("  - type check skipped (--skip-typecheck)");
  else typecheckOrRefuse(plan, verdict, snapshot);
  printVerdict(plan, verdict);

  if (session.args.dryRun) {
    log(`\nWould write ${changesetFile} (and record it in ${show(lockFile)}):\n\n${changesetText}`);
    const changed = snapshot.restore();
    log(`${UPDATE_PREFIX} dry run: restored ${plural(changed.length, "file")}; nothing was changed.`);
    return;
  }
  await writeOutputSet({ files: [{ path: join(root, changesetFile), content: changesetText }], ownedFolders: [] });
  await writeLock(lockFile, computeLock(config, { changeset: changesetFile, specVersion: plan.newVersion }));
  session.snapshot = undefined; // committed: nothing to restore any more
  log(`\n${UPDATE_PREFIX} ${plan.title} ${plan.oldVersion} → ${plan.newVersion}: wrote ${changesetFile} and ${show(lockFile)}.`);
  log(
    "Next: review the changeset and the regenerated code, run the tests (a test that pins the published spec's version or operation count changes with the spec), and commit.",
  );
}

/** Restores and refuses when the shipped code no longer type-checks; the report still comes first. */
function typecheckOrRefuse(plan: UpdatePlan, verdict: ReleaseVerdict, snapshot: Snapshot): void {
  const root = plan.config.root;
  const scope = typecheckScope(root, workspacePackages(root));
  // tsc refuses a config with no input at all; a project that ships no code of its own has nothing to check.
  if (scope.packages.length === 0 && scope.examples.length === 0) {
    done("type check: no shipped code to check (no published packages/*/src, no examples/*.ts)");
    return;
  }
  const checked = runTypecheck(root, scope, plan.work.dir);
  if (checked.ok) {
    done(`type check: ${checked.scope.join(", ")} against the regenerated code (${checked.seconds} s)`);
    return;
  }
  const changed = snapshot.restore();
  printVerdict(plan, verdict);
  log(`\nType check of ${checked.scope.join(", ")} against the code generated from the new spec:`);
  log(checked.output);
  throw new ReleaseRefusal(
    `${checked.signal ? `the type check was stopped (${checked.signal})` : "the hand-written code does not type-check against the code generated from the new spec (tsc output above)"}; ` +
      `scope: ${checked.scope.join(", ")}. Everything was restored (${plural(changed.length, "file")}). ` +
      `Fix the code for the new spec: run \`${UPDATE_COMMAND}\` again with --skip-typecheck to apply the spec and fix it afterwards (the project's type check then shows what to fix).`,
  );
}
