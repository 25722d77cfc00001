import { existsSync, readFileSync, statSync } from "node:fs";
import type { ResolvedConfig } from "../../config.js";
import { diffSpecs } from "../../diff/diff-specs.js";
import { renderDiffReport } from "../../diff/render-report.js";
import type { SpecChange } from "../../diff/rules.js";
import { readSourceDocument } from "../../load/source-document.js";
import { quoteSpecValue } from "../../quote/spec-value-text.js";
import { summarizeChanges } from "../changesets/changeset-text.js";
import { GENERATE_COMMAND } from "../command-names.js";
import { plural } from "../plural.js";
import { ReleaseRefusal } from "../ReleaseRefusal.js";
import { isJsonObject } from "../read-json-file.js";
import { renderCandidate } from "./render-candidate.js";
import { TempWorkspace } from "./temp-workspace.js";
import { done, log, showPath, UPDATE_PREFIX, type UpdateSession } from "./update-session.js";

/** What the new spec changes, and the text of the spec to write. */
export interface UpdatePlan {
  config: ResolvedConfig & { outputs: { resolvedSpec: string } };
  /** The new spec's text; its UTF-8 bytes are the file's bytes exactly. */
  specText: string;
  title: string;
  oldVersion: string;
  newVersion: string;
  changes: SpecChange[];
  /** `renderDiffReport`'s Markdown; empty when only `info.version` changed. */
  report: string;
  /** The temp workspace, for the type check's config. */
  work: TempWorkspace;
}

/**
 * Steps 1–3, writing only into the temp workspace: read the new file, render it with the
 * codegen's whole pipeline, diff the resolved specs, and decide. Returns null when there is
 * nothing to do (same bytes, or the same resolved spec and version); refuses what must not be
 * taken as is.
 */
export async function planUpdate(session: UpdateSession, config: ResolvedConfig): Promise<UpdatePlan | null> {
  const { args, input } = session;
  const show = (path: string) => showPath(session, path);
  if (!existsSync(input) || !statSync(input).isFile()) throw new ReleaseRefusal(`cannot read ${args.file}: no such file.`);
  const bytes = readFileSync(input);
  log(`${UPDATE_PREFIX} ${show(input)}${args.dryRun ? " (dry run: nothing will be changed)" : ""}`);
  if (existsSync(config.spec) && readFileSync(config.spec).equals(bytes)) {
    log(`\n${UPDATE_PREFIX} nothing to do: ${show(input)} is byte-identical to ${show(config.spec)}. Nothing was changed.`);
    return null;
  }
  const resolvedSpec = config.outputs.resolvedSpec;
  if (resolvedSpec === undefined)
    throw new ReleaseRefusal(`${show(config.configFile)} has no outputs.resolvedSpec, and the update diffs the resolved specs.`);
  const specText = bytes.toString("utf8");
  // The spec is written through the codegen's text writer; only UTF-8 survives that byte for byte.
  if (!Buffer.from(specText, "utf8").equals(bytes))
    throw new ReleaseRefusal(`${show(input)} is not UTF-8 text, as a YAML or JSON spec must be.`);

  const work = TempWorkspace.create();
  session.work = work;
  const candidate = await renderCandidate(config, input, work, show);
  const info = isJsonObject(candidate.document.info) ? candidate.document.info : {};
  const title = quoteSpecValue(String(info.title ?? "the spec"));
  const newVersion = quoteSpecValue(String(info.version));
  done(
    `${show(input)} parsed and validated; ${plural(config.overlays.length, "overlay")} applied; ${plural(candidate.operationCount, "operation")}`,
  );

  if (!existsSync(resolvedSpec))
    throw new ReleaseRefusal(
      `${show(resolvedSpec)} is missing: it is the current resolved spec, which the new one is compared with. Run \`${GENERATE_COMMAND}\` first.`,
    );
  // The codegen's own bounded reader: the file is the codegen's output, but it is on disk for anyone to edit.
  const oldDoc = (await readSourceDocument(resolvedSpec)).value;
  const oldInfo = isJsonObject(oldDoc) && isJsonObject(oldDoc.info) ? oldDoc.info : {};
  const oldVersion = quoteSpecValue(String(oldInfo.version));
  const changes = diffSpecs(oldDoc, candidate.document);
  const report = changes.length > 0 ? renderDiffReport(changes, { oldVersion, newVersion }) : "";
  done(`compared with ${show(resolvedSpec)} (${oldVersion}): ${summarizeChanges(changes)}`);

  const sameVersion = oldVersion === newVersion;
  if (changes.length === 0 && sameVersion) {
    log(
      `\n${UPDATE_PREFIX} nothing to do: ${show(input)} differs from ${show(config.spec)} only in comments or formatting; the resolved spec is the same and so is info.version (${newVersion}). Nothing was changed.`,
    );
    return null;
  }
  if (sameVersion && !args.allowSameVersion) {
    log(`\n${report.trim()}`);
    throw new ReleaseRefusal(
      `${show(input)} changes the spec (${summarizeChanges(changes)}, above) but keeps info.version ${newVersion}, the version of the current spec. ` +
        "A vendor version should name one spec: check that this is the file you meant. To take it anyway, run again with --allow-same-version; the changeset will say that the version did not change.",
    );
  }
  if (sameVersion)
    log(`\n${UPDATE_PREFIX} warning: the content changed but info.version did not (still ${newVersion}); the changeset says so.`);
  return {
    config: { ...config, outputs: { ...config.outputs, resolvedSpec } },
    specText,
    title,
    oldVersion,
    newVersion,
    changes,
    report,
    work,
  };
}
