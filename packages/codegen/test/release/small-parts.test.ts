import { describe, expect, test } from "vitest";
import { quoteSpecValue, readChangesetReleases } from "../../src/index.js";
import { invocationDir } from "../../src/release/update/invocation-dir.js";
import { signalExitCode } from "../../src/release/update/signals.js";
import { parseUpdateArgs } from "../../src/release/update/update-args.js";

describe("invocationDir: where a relative spec path is taken from", () => {
  test("run by a package script at its package's folder: the folder the user ran it in", () => {
    expect(invocationDir({ INIT_CWD: "/repo/downloads", npm_package_json: "/repo/package.json" }, "/repo")).toBe("/repo/downloads");
  });
  test("a script that changed folder first, or no script at all: the working directory", () => {
    expect(invocationDir({ INIT_CWD: "/repo/downloads", npm_package_json: "/repo/package.json" }, "/repo/api")).toBe("/repo/api");
    expect(invocationDir({}, "/repo/api")).toBe("/repo/api");
  });
});

test("a stop signal exits as the shell expects: 130 for SIGINT, 143 for SIGTERM", () => {
  expect(signalExitCode("SIGINT")).toBe(130);
  expect(signalExitCode("SIGTERM")).toBe(143);
});

describe("parseUpdateArgs", () => {
  test("one file and the flags", () => {
    expect(parseUpdateArgs(["new.yaml", "--dry-run", "--skip-typecheck"])).toEqual({
      kind: "run",
      args: { file: "new.yaml", dryRun: true, allowSameVersion: false, skipTypecheck: true, config: "faxkit.config.json" },
    });
  });
  test.each([
    [[], "the new spec file is missing."],
    [["a.yaml", "b.yaml"], "give exactly one spec file."],
  ])("%j is an error: %s", (argv, message) => {
    expect(parseUpdateArgs(argv)).toEqual({ kind: "error", message });
  });
  test("an unknown option is an error naming it", () => {
    const parsed = parseUpdateArgs(["a.yaml", "--force"]);
    expect(parsed.kind).toBe("error");
    expect(parsed.kind === "error" && parsed.message).toContain("--force");
  });
});

describe("quoteSpecValue: a vendor's title or version in a message or the changeset", () => {
  test("keeps ordinary text", () => {
    expect(quoteSpecValue("Fax.Plus REST API 3.5.0-beta")).toBe("Fax.Plus REST API 3.5.0-beta");
  });
  test("cannot start a new line (a front-matter entry) or send a terminal escape", () => {
    const quoted = quoteSpecValue('3.5.0\n"@faxkit/codegen": major\u001b[2J\u2028');
    for (const character of ["\n", "\u001b", "\u2028"]) expect(quoted).not.toContain(character);
    expect(readChangesetReleases(`---\n"@faxkit/types": patch ${quoted}\n---\n`)).toEqual({});
  });
  test("is cut at 120 characters", () => {
    expect([...quoteSpecValue("9".repeat(500))]).toHaveLength(120);
  });
});

test("the front-matter parser never sets a prototype from a changeset", () => {
  const releases = readChangesetReleases('---\n"__proto__": major\n"@faxkit/types": patch\n---\n');
  expect(releases).toEqual({ "@faxkit/types": "patch" });
  expect(Object.getPrototypeOf(releases)).toBe(Object.prototype);
});
