#!/usr/bin/env node
// `pnpm release [--dry-run] [--skip-build-and-test] [--registry <url>]`: this repository's shortcut
// for the codegen's releaseCommand (packages/codegen/src/release/publish/) on this workspace.
// The codegen is built first (a turbo cache hit when current), so the code in this tree is what
// runs; turbo's chatter is shown only when the build fails.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const turbo = ["exec", "turbo", "run", "build", "--filter=@faxkit/codegen", "--output-logs=errors-only"];
const build = spawnSync("pnpm", turbo, { cwd: root, env, encoding: "utf8" });
if (build.status !== 0) {
  console.error(`building @faxkit/codegen failed:\n${build.stdout}${build.stderr}${build.error?.message ?? ""}`);
  process.exit(1);
}
const { releaseCommand } = await import("../packages/codegen/dist/index.js");
process.exitCode = await releaseCommand(process.argv.slice(2), { cwd: root });
