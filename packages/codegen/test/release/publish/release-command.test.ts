import { expect, test } from "vitest";
import { releaseCommand } from "../../../src/index.js";
import { captureOutput } from "./fake-tools.js";

async function outputOf(argv: string[]): Promise<{ code: number; output: string }> {
  let pending: Promise<number> = Promise.resolve(-1);
  // Bad arguments and --help return before any tool runs, so nothing here touches the workspace.
  const output = captureOutput(() => {
    pending = releaseCommand(argv, { cwd: "/nonexistent-faxkit-root" });
  });
  return { code: await pending, output };
}

test("--help prints the usage and exits 0", async () => {
  expect(await outputOf(["--help"])).toEqual({
    code: 0,
    output: "usage: faxkit-codegen release [--dry-run] [--skip-build-and-test] [--registry <url>]",
  });
});

test("bad arguments exit 2 with what is wrong and the usage, before any tool runs", async () => {
  const { code, output } = await outputOf(["--skip-build-and-test"]);
  expect(code).toBe(2);
  expect(output).toBe(
    "faxkit-codegen release: --skip-build-and-test is only allowed with --dry-run: a real release is always built and tested.\n" +
      "usage: faxkit-codegen release [--dry-run] [--skip-build-and-test] [--registry <url>]",
  );
});

test("a root where pnpm cannot run is a refusal (exit 1), not a crash", async () => {
  const { code, output } = await outputOf(["--dry-run", "--skip-build-and-test"]);
  expect(code).toBe(1);
  expect(output).toContain("faxkit-codegen release: refused. could not run pnpm:");
});
