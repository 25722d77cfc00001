import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { listWorkspace, parseList } from "../../../src/release/publish/workspace-list.js";
import { ReleaseRefusal } from "../../../src/release/ReleaseRefusal.js";
import { fakeTools } from "./fake-tools.js";

const root = "/repo";
const entry = (name: string, path: string, extra: Record<string, unknown> = {}) => ({
  name,
  version: "1.0.0",
  path,
  private: false,
  ...extra,
});

describe("listWorkspace", () => {
  test("the public packages by name and a count of the private ones; the root is not a package", () => {
    const listed = [
      entry("faxkit", root, { private: true }),
      entry("@faxkit/types", "/repo/packages/types"),
      entry("@faxkit/client", "/repo/packages/client", { version: "0.3.0" }),
      entry("@faxkit/release-tests", "/repo/tests/release", { private: true }),
    ];
    const { run, calls } = fakeTools({ "pnpm ls": { stdout: JSON.stringify(listed) } });
    const workspace = listWorkspace(run, root);
    expect(workspace.published.map((pkg) => `${pkg.name}@${pkg.version}`)).toEqual(["@faxkit/client@0.3.0", "@faxkit/types@1.0.0"]);
    expect(workspace.privateCount).toBe(1);
    expect(calls).toEqual([{ command: "pnpm", args: ["ls", "-r", "--depth", "-1", "--json"], capture: true }]);
  });

  test("the root reached through a symlink is still left out", () => {
    const real = mkdtempSync(join(tmpdir(), "faxkit-release-root-"));
    try {
      const { run } = fakeTools({ "pnpm ls": { stdout: JSON.stringify([entry("faxkit", real), entry("a", join(real, "a"))]) } });
      expect(listWorkspace(run, `${real}/.`).published.map((pkg) => pkg.name)).toEqual(["a"]);
    } finally {
      rmSync(real, { recursive: true, force: true });
    }
  });

  test("pnpm ls failing refuses the release with pnpm's message", () => {
    const { run } = fakeTools({ "pnpm ls": { status: 1, stderr: "ERR_PNPM_WORKSPACE broken pnpm-workspace.yaml" } });
    expect(() => listWorkspace(run, root)).toThrow(ReleaseRefusal);
    expect(() => listWorkspace(run, root)).toThrow(/`pnpm ls -r` failed:\nERR_PNPM_WORKSPACE broken/);
  });
});

describe("parseList", () => {
  test.each([
    ["not json", "did not print JSON"],
    ['{"name":"a"}', "did not print a list of packages"],
    ['[{"path":"/repo/a"}]', "entry 0 has no name or path"],
  ])("%s is refused: %s", (text, message) => {
    expect(() => parseList(text)).toThrow(message);
  });

  test("a name with a terminal escape is printed as one harmless line", () => {
    const [pkg] = parseList(JSON.stringify([entry("evil\u001b[2Jname", "/repo/e")]));
    expect(pkg?.name).toBe("evil\uFFFD[2Jname");
  });
});
