import { describe, expect, test } from "vitest";
import { parseDryRunOutput, publishDryRun } from "../../../src/release/publish/dry-run.js";
import type { ListedPackage } from "../../../src/release/publish/workspace-list.js";
import { captureOutput, fakeTools } from "./fake-tools.js";

const published: ListedPackage[] = [
  { name: "@faxkit/client", version: "0.3.0", private: false, path: "/repo/packages/client" },
  { name: "@faxkit/types", version: "0.2.0", private: false, path: "/repo/packages/types" },
];
const pnpmOutput = "+ @faxkit/types@0.2.0\nSkip publishing @faxkit/types@0.2.0 (dry run)\n";

describe("parseDryRunOutput", () => {
  test("one release per Skip publishing line, scoped names included", () => {
    expect(parseDryRunOutput(`${pnpmOutput}Skip publishing plain@1.0.0-rc.1 (dry run)\nnpm notice Tarball Contents`)).toEqual([
      { name: "@faxkit/types", version: "0.2.0" },
      { name: "plain", version: "1.0.0-rc.1" },
    ]);
  });
});

describe("publishDryRun", () => {
  test("passes pnpm's output through, then names what would be published and what is already on the registry", () => {
    const { run, calls } = fakeTools({ "pnpm -r publish": { stdout: pnpmOutput } });
    const output = captureOutput(() => publishDryRun(run, published, "http://127.0.0.1:4873/"));
    expect(calls).toEqual([
      {
        command: "pnpm",
        args: ["-r", "publish", "--dry-run", "--no-git-checks", "--access", "public", "--registry", "http://127.0.0.1:4873/"],
        capture: true,
      },
    ]);
    expect(output).toContain("▸ pnpm -r publish --dry-run --no-git-checks --access public --registry http://127.0.0.1:4873/");
    expect(output).toContain(pnpmOutput);
    expect(output).toContain("dry run, nothing published. Would publish 1: @faxkit/types@0.2.0");
    expect(output).toContain("already on the registry at this version: @faxkit/client@0.3.0");
  });

  test("the registry's token reaches pnpm but not the output", () => {
    const { run, calls } = fakeTools({ "pnpm -r publish": { stdout: pnpmOutput } });
    const output = captureOutput(() => publishDryRun(run, published, "https://me:s3cret@registry.example/"));
    expect(calls[0]?.args.at(-1)).toBe("https://me:s3cret@registry.example/");
    expect(output).toContain("--registry https://***@registry.example/");
    expect(output).not.toContain("s3cret");
  });

  test("a failed dry run is a refusal, after showing pnpm's error", () => {
    const { run } = fakeTools({ "pnpm -r publish": { status: 1, stderr: "ERR_PNPM_CANNOT_RESOLVE_WORKSPACE_PROTOCOL" } });
    const output = captureOutput(() =>
      expect(() => publishDryRun(run, published, undefined)).toThrow("`pnpm -r publish --dry-run` failed (exit 1)."),
    );
    expect(output).toContain("ERR_PNPM_CANNOT_RESOLVE_WORKSPACE_PROTOCOL");
  });
});
