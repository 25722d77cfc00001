// What `pnpm spec:update` (`faxkit-codegen update` on this repository) does instead of updating: a dry run, and every input it refuses. Each
// test checks that no file of the copy changed (SHA-256 of every file but node_modules, .git and
// .turbo, and `git status`). One copy serves them all; it is reset to its commit before each test,
// so that a failure cannot leak into the next one.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from "vitest";
import { childEnv } from "../../support/run-command.js";
import { changedFiles, RepoClone, type RunResult, run } from "./helpers/repo-copy.js";
import {
  NEW_OPERATION,
  NEW_QUERY_PARAMETER,
  NOT_OPENAPI,
  REMOVED_OPERATION,
  release350,
  release350RenamingListFaxes,
  release350WithoutBulkIds,
  release350WithoutUpload,
  specVersion,
  UNPARSEABLE,
  withComment,
  withNewDescription,
} from "./helpers/specs.js";

let clone: RepoClone;
let current: string;

beforeAll(async () => {
  clone = await RepoClone.create(inject("template"));
  current = clone.read("openapi/faxplus.yaml");
});
afterAll(() => clone?.dispose());
beforeEach(async () => {
  await clone.reset();
});

/** Runs spec:update and asserts that it changed nothing at all. */
async function specUpdateChangingNothing(...args: string[]): Promise<RunResult> {
  const before = clone.hashes();
  const result = await clone.specUpdate(...args);
  expect(changedFiles(before, clone.hashes()), result.output).toEqual([]);
  expect(await clone.status(), result.output).toBe("");
  return result;
}

describe("--dry-run", () => {
  test("prints the classified report and the changeset it would write, type-checks, and changes nothing", async () => {
    const result = await specUpdateChangingNothing(clone.writeInput("faxplus-3.5.0.yaml", release350(current)), "--dry-run");
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("(dry run: nothing will be changed)");
    expect(result.stdout).toContain("3 changes (2 additive, 1 patch-level)");
    expect(result.stdout).toContain(NEW_OPERATION);
    expect(result.stdout).toContain(NEW_QUERY_PARAMETER);
    expect(result.stdout).toContain("type check:");
    expect(result.stdout).toContain("Would write .changeset/spec-3.5.0.md (and record it in openapi/spec-lock.json):");
    expect(result.stdout).toContain('"@faxkit/types": ');
    expect(result.stdout).toMatch(/dry run: restored \d+ files; nothing was changed\./);
  });

  test("whose type check fails (uploadFile removed, the client's files.upload calls it) still prints the report with the removal and the release, then tsc's output; exit 1", async () => {
    const result = await specUpdateChangingNothing(clone.writeInput("no-upload.yaml", release350WithoutUpload(current)), "--dry-run");
    expect(result.code, result.output).toBe(1);
    const removal = `- major: operation POST /accounts/{user_id}/files removed (\`operation-removed\`)`;
    expect(result.stdout, result.output).toContain(`**${REMOVED_OPERATION}**`);
    expect(result.stdout).toContain(removal);
    expect(result.stdout).toMatch(/@faxkit\/client +minor \(major by semver\)/);
    const typeError = /packages\/client\/src\/\S+\.ts\(\d+,\d+\): error TS\d+: .*"\/accounts\/\{user_id\}\/files"/;
    expect(result.stdout).toMatch(typeError);
    // The verdict comes first: a reader sees what the spec changes before why it cannot be applied yet.
    expect(result.stdout.indexOf("Release (")).toBeLessThan(result.stdout.search(typeError));
    expect(result.stderr).toContain("the hand-written code does not type-check against the code generated from the new spec");
    expect(result.stdout).not.toContain("Would write .changeset/");
  });
});

describe("interrupted: no temporary folder left behind, nothing changed", () => {
  /** Starts spec:update with a private TMPDIR and sends `signal` as soon as its temporary folder exists. */
  async function interrupt(signal: "SIGINT" | "SIGTERM", input: string, tmp: string): Promise<RunResult & { sawFolder: boolean }> {
    // The shim, not pnpm: a signal sent to pnpm would not reach the update itself.
    const child = spawn(process.execPath, ["scripts/spec-update.mjs", input], {
      cwd: clone.dir,
      env: { ...childEnv({ gitName: "spec-update-tests" }), TMPDIR: tmp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const closed = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    let exited = false;
    void closed.then(() => {
      exited = true;
    });
    // Steps 1-3 (build, validate into the temporary folder, diff): the folder appears in step 2.
    let sawFolder = false;
    while (!exited && !sawFolder) {
      sawFolder = readdirSync(tmp).some((name) => name.startsWith("faxkit-spec-update-"));
      if (!sawFolder) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill(signal);
    const code = await closed;
    return { code, stdout, stderr, output: `${stdout}${stderr}`, sawFolder };
  }

  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s while the new spec is being validated: the temporary folder is removed, exit %i", async (signal, exitCode) => {
    const tmp = mkdtempSync(join(tmpdir(), "faxkit-spec-update-tmpdir-"));
    try {
      const before = clone.hashes();
      const result = await interrupt(signal, clone.writeInput("faxplus-3.5.0.yaml", release350(current)), tmp);
      expect(result.sawFolder, result.output).toBe(true);
      expect(result.code, result.output).toBe(exitCode);
      expect(result.stderr).toContain(`faxkit-codegen update: interrupted (${signal}); nothing was changed.`);
      expect(readdirSync(tmp), result.output).toEqual([]);
      expect(changedFiles(before, clone.hashes()), result.output).toEqual([]);
      expect(await clone.status(), result.output).toBe("");
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("bad input: a clear message, exit 1, nothing changed", () => {
  test("a file that does not exist", async () => {
    const result = await specUpdateChangingNothing("no-such-spec.yaml");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("faxkit-codegen update: cannot read no-such-spec.yaml: no such file.");
  });

  test("no file at all: the usage, exit 2", async () => {
    const result = await specUpdateChangingNothing();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: faxkit-codegen update <file>");
  });

  test("a file that does not parse: codegen's message, with file, line and column", async () => {
    const input = clone.writeInput("broken.yaml", UNPARSEABLE);
    const result = await specUpdateChangingNothing(input);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/faxkit-codegen update: \S*broken\.yaml:\d+:\d+: invalid YAML: /);
    expect(result.stderr).toContain("Nothing was changed.");
  });

  test("a file that is not OpenAPI: codegen's message (not an overlay's)", async () => {
    const result = await specUpdateChangingNothing(clone.writeInput("package.yaml", NOT_OPENAPI));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /faxkit-codegen update: \S*package\.yaml:1:1 \(at \/\): this is not an OpenAPI document: the top-level `openapi` field is missing\./,
    );
    expect(result.stderr).not.toContain("overlay");
  });

  test("an overlay whose target vanished (a spec without bulkUpdateFaxes' ids) is named, with its action", async () => {
    const result = await specUpdateChangingNothing(clone.writeInput("no-bulk-ids.yaml", release350WithoutBulkIds(current)));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("faxkit-codegen update: openapi/overlays/01-bulk-update-faxes.yaml:");
    expect(result.stderr).toContain(
      "overlay action #1 targets $.components.schemas.BulkFaxUpdateRequest.properties.ids.items, which matches nothing in the spec",
    );
    expect(result.stderr).toContain("The new spec is valid, but this overlay no longer applies to it");
    expect(result.stderr).toContain("Nothing was changed.");
  });

  test("code that no longer type-checks (listFaxes renamed, the client's listAll calls it): tsc's output, everything restored", async () => {
    const result = await specUpdateChangingNothing(clone.writeInput("renamed.yaml", release350RenamingListFaxes(current)));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/packages\/client\/src\/\S+\.ts\(\d+,\d+\): error TS\d+: .*"listFaxes"/);
    expect(result.stderr).toContain("the hand-written code does not type-check against the code generated from the new spec");
    expect(result.stderr).toMatch(/Everything was restored \(\d+ files\)/);
    expect(result.stderr).toContain("--skip-typecheck");
  });
});

describe("nothing to do: exit 0, nothing changed", () => {
  test("the current spec, byte for byte", async () => {
    const result = await specUpdateChangingNothing(clone.writeInput("same.yaml", current));
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/nothing to do: \S*same\.yaml is byte-identical to openapi\/faxplus\.yaml\. Nothing was changed\./);
  });

  test("a relative path is taken from the folder pnpm was run in, not the root", async () => {
    const before = clone.hashes();
    const result = await run("pnpm", ["spec:update", "../openapi/faxplus.yaml"], clone.path(".changeset"));
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("is byte-identical to openapi/faxplus.yaml");
    expect(changedFiles(before, clone.hashes())).toEqual([]);
  });

  test("the current spec with only a comment added: no semantic change, same info.version", async () => {
    const result = await specUpdateChangingNothing(clone.writeInput("commented.yaml", withComment(current)));
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("nothing to do:");
    expect(result.stdout).toContain(`the resolved spec is the same and so is info.version (${specVersion(current)})`);
  });
});

describe("content changed, info.version did not", () => {
  test("is refused, with the report and the way out", async () => {
    const result = await specUpdateChangingNothing(clone.writeInput("same-version.yaml", withNewDescription(current)));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("getFax");
    expect(result.stderr).toContain(`but keeps info.version ${specVersion(current)}, the version of the current spec`);
    expect(result.stderr).toContain("--allow-same-version");
  });

  test("is taken with --allow-same-version, with a warning and a note in the changeset", async () => {
    const input = clone.writeInput("same-version.yaml", withNewDescription(current));
    const result = await clone.specUpdate(input, "--allow-same-version", "--skip-typecheck");
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("warning: the content changed but info.version did not");
    const version = specVersion(current);
    const changeset = clone.read(`.changeset/spec-${version}.md`);
    expect(changeset).toContain(`"@faxkit/types": patch`);
    expect(changeset).toContain(`Fax.Plus REST API spec ${version}, republished with changes: 1 change (1 patch-level).`);
    expect(changeset).toContain(`**Note:** Fax.Plus changed the spec without changing its \`info.version\` (still ${version})`);
    expect(clone.json<{ changeset: string }>("openapi/spec-lock.json").changeset).toBe(`.changeset/spec-${version}.md`);
  });
});
