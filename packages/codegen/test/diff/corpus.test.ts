import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../src/diff/diff-specs.js";
import { DIFF_RULES, type SpecChange } from "../../src/diff/rules.js";

/**
 * The fixture corpus: `tests/fixtures/spec-diff/<rule-id>[--<case>]/` holds a small old
 * and new spec and the exact list of changes the diff must report. Every rule of the
 * table has a folder named after it; extra cases of a rule add `--<case>`.
 */
const CORPUS = fileURLToPath(new URL("../../../../tests/fixtures/spec-diff/", import.meta.url));
const folders = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
// Widened to string: folder names are untyped input, checked against the table here.
const ruleIds = new Set<string>(DIFF_RULES.map((rule) => rule.id));

function readJson(folder: string, file: string): unknown {
  return JSON.parse(readFileSync(join(CORPUS, folder, file), "utf8"));
}

describe("spec-diff fixture corpus", () => {
  it("has a folder for every rule of DIFF_RULES", () => {
    const missing = [...ruleIds].filter((id) => !folders.includes(id));
    expect(missing).toEqual([]);
  });

  it("names a rule in every folder", () => {
    const unknown = folders.filter((folder) => !ruleIds.has(folder.split("--")[0] as string));
    expect(unknown).toEqual([]);
  });

  it.each(folders)("%s", (folder) => {
    const expected = readJson(folder, "expected.json") as SpecChange[];
    const changes = diffSpecs(readJson(folder, "old.json"), readJson(folder, "new.json"));
    expect(changes).toEqual(expected);
    // The fixture exercises the rule it is named after.
    expect(changes.map((change) => change.rule)).toContain(folder.split("--")[0]);
  });

  it.each(folders)("%s: new → new is no change", (folder) => {
    const spec = readJson(folder, "new.json");
    expect(diffSpecs(spec, structuredClone(spec))).toEqual([]);
  });
});
