import { describe, expect, test } from "vitest";
import { boundedLines } from "../../../src/release/publish/bounded-lines.js";
import { buildAndTest } from "../../../src/release/publish/build-and-test.js";
import { changesetPublish } from "../../../src/release/publish/changeset-publish.js";
import { checkWorkingTree } from "../../../src/release/publish/working-tree.js";
import { ReleaseRefusal } from "../../../src/release/ReleaseRefusal.js";
import { captureOutput, fakeTools } from "./fake-tools.js";

describe("checkWorkingTree", () => {
  test("a clean tree passes silently, dry run or real", () => {
    const { run } = fakeTools();
    expect(captureOutput(() => checkWorkingTree(run, false))).toBe("");
  });

  test("uncommitted changes refuse a real release, naming the files", () => {
    const { run } = fakeTools({ "git status": { stdout: " M packages/types/package.json\n?? notes.txt\n" } });
    expect(() => checkWorkingTree(run, false)).toThrow(
      new ReleaseRefusal("the working tree has uncommitted changes; commit them first:\nM packages/types/package.json\n?? notes.txt"),
    );
  });

  test("a dry run only warns", () => {
    const { run } = fakeTools({ "git status": { stdout: "?? notes.txt\n" } });
    expect(captureOutput(() => checkWorkingTree(run, true))).toContain(
      "warning: uncommitted changes (a real release would refuse):\n?? notes.txt",
    );
  });

  test("outside a git work tree a real release refuses too", () => {
    const { run } = fakeTools({ "git status": { status: 128, stderr: "fatal: not a git repository" } });
    expect(() => checkWorkingTree(run, false)).toThrow("(not a git work tree)");
  });
});

describe("buildAndTest", () => {
  test("builds, then runs the whole suite, with their output on the terminal", () => {
    const { run, calls } = fakeTools();
    const output = captureOutput(() => buildAndTest(run));
    expect(calls).toEqual([
      { command: "pnpm", args: ["build"], capture: false },
      { command: "pnpm", args: ["test"], capture: false },
    ]);
    expect(output).toBe("\n▸ pnpm build\n\n▸ pnpm test");
  });

  test("a failed build stops the release before the tests", () => {
    const { run, calls } = fakeTools({ "pnpm build": { status: 2 } });
    captureOutput(() => expect(() => buildAndTest(run)).toThrow("`pnpm build` failed (exit 2)."));
    expect(calls).toHaveLength(1);
  });

  test("tests killed by a signal are named by the signal", () => {
    const { run } = fakeTools({ "pnpm test": { status: null, signal: "SIGKILL" } });
    captureOutput(() => expect(() => buildAndTest(run)).toThrow("`pnpm test` failed (exit SIGKILL)."));
  });
});

describe("changesetPublish", () => {
  test("runs changeset publish and says to push the tags", () => {
    const { run, calls } = fakeTools();
    const output = captureOutput(() => changesetPublish(run));
    expect(calls).toEqual([{ command: "pnpm", args: ["exec", "changeset", "publish"], capture: false }]);
    expect(output).toContain("published. Push the new tags: git push --follow-tags");
  });

  test("a failed publish is a refusal with its exit code", () => {
    const { run } = fakeTools({ "pnpm exec changeset publish": { status: 1 } });
    captureOutput(() => expect(() => changesetPublish(run)).toThrow("`changeset publish` failed (exit 1)."));
  });
});

test("boundedLines lists up to the bound, then how many more", () => {
  expect(boundedLines(["a", "b", "c"], 3)).toBe("a\nb\nc");
  expect(boundedLines(["a", "b", "c", "d"], 2)).toBe("a\nb\n… and 2 more");
});
