import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { GENERATED_MARK } from "../emit/banner.js";
import { CodegenError } from "../errors/CodegenError.js";
import { displayPath } from "../load/source-document.js";
import { findUnexpectedFiles, type OutputSet } from "./output-set.js";

/** What a write changed on disk. */
export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Writes an output set so that a failure leaves every previous file untouched: all new
 * contents go to temporary files beside their targets first; only when every one of them
 * is on disk are they renamed over the targets (a rename within a folder is atomic on
 * POSIX). Files whose content is already right are not touched; generated files left in
 * an owned folder by an older generation are removed last (hand-made files never are).
 */
export async function writeOutputSet(output: OutputSet): Promise<WriteReport> {
  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  const pending: { path: string; temp: string }[] = [];
  let current: string | undefined;
  try {
    for (const file of output.files) {
      current = file.path;
      const existing = await readFile(file.path, "utf8").catch(() => undefined);
      if (existing === file.content) {
        report.unchanged.push(file.path);
        continue;
      }
      await mkdir(dirname(file.path), { recursive: true });
      const temp = `${file.path}.${process.pid}.tmp`;
      await writeFile(temp, file.content, "utf8");
      pending.push({ path: file.path, temp });
    }
  } catch (error) {
    // Only the temporary files this run created are removed; the targets were never touched.
    await Promise.all(pending.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)));
    throw new CodegenError(
      "EMIT_FAILED",
      `could not write ${displayPath(current ?? "output")}: ${(error as Error).message}. No generated file was changed.`,
    );
  }
  for (const [index, { path, temp }] of pending.entries()) {
    try {
      await rename(temp, path);
    } catch (error) {
      // A rename can still fail (the target became a folder, a read-only mount): leave no temp file behind and say what changed.
      await Promise.all(pending.slice(index).map((left) => rm(left.temp, { force: true }).catch(() => undefined)));
      const changed =
        report.written.length === 0 ? "No generated file was changed" : `${report.written.length} file(s) were already replaced`;
      throw new CodegenError(
        "EMIT_FAILED",
        `could not replace ${displayPath(path)}: ${(error as Error).message}. ${changed}; run the command again.`,
      );
    }
    report.written.push(path);
  }
  for (const path of await findUnexpectedFiles(output)) {
    // Only files an earlier generation wrote; anything else stays (and `check` names it).
    const content = await readFile(path, "utf8").catch(() => "");
    if (!content.includes(GENERATED_MARK)) continue;
    await rm(path, { force: true });
    report.removed.push(path);
  }
  return report;
}
