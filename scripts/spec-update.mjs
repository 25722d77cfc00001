#!/usr/bin/env node
// `pnpm spec:update <file> [--dry-run] [--allow-same-version] [--skip-typecheck]`: this repository's
// shortcut for `faxkit-codegen update` (packages/codegen/src/release/update/) on its own config.
// The codegen is built first (a turbo cache hit when current), so the code in this tree is what runs;
// turbo's chatter is shown only when the build fails.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const config = fileURLToPath(new URL("../faxkit.config.json", import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const turbo = ["exec", "turbo", "run", "build", "--filter=@faxkit/codegen", "--output-logs=errors-only"];
const build = spawnSync("pnpm", turbo, { cwd: new URL("..", import.meta.url), env, encoding: "utf8" });
if (build.status !== 0) {
  console.error(`building @faxkit/codegen failed:\n${build.stdout}${build.stderr}`);
  process.exit(1);
}
process.argv.splice(2, 0, "update", "--config", config);
await import("../packages/codegen/dist/cli.js");
