import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
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
 * POSIX). Files whose content is already right are not touched; files left in an owned
 * folder from an older generation are removed last.
 */
export async function writeOutputSet(output: OutputSet): Promise<WriteReport> {
  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  const pending: { path: string; temp: string }[] = [];
  try {
    for (const file of output.files) {
      const current = await readFile(file.path, "utf8").catch(() => undefined);
      if (current === file.content) {
        report.unchanged.push(file.path);
        continue;
      }
      await mkdir(dirname(file.path), { recursive: true });
      const temp = `${file.path}.${process.pid}.tmp`;
      pending.push({ path: file.path, temp });
      await writeFile(temp, file.content, "utf8");
    }
  } catch (error) {
    await Promise.all(pending.map(({ temp }) => rm(temp, { force: true })));
    throw new CodegenError(
      "EMIT_FAILED",
      `could not write ${displayPath(pending.at(-1)?.path ?? "output")}: ${(error as Error).message}. No generated file was changed.`,
    );
  }
  for (const { path, temp } of pending) {
    await rename(temp, path);
    report.written.push(path);
  }
  for (const path of await findUnexpectedFiles(output)) {
    await rm(path, { force: true });
    report.removed.push(path);
  }
  return report;
}
