#!/usr/bin/env node
// `pnpm start`: the main job on a fresh machine. Regenerates when the committed output is
// stale, builds every package, prints a one-line summary, then bundles and runs the
// quickstart (examples/quickstart.ts): against the stateful fake (`startFake`), against the
// Prism mock with `pnpm start --prism`, or read-only against the real API when FAXPLUS_TOKEN
// is set. Arguments go to the quickstart as they are. Exits with the quickstart's exit code.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const started = performance.now();
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const seconds = (from, to = performance.now()) => `${((to - from) / 1000).toFixed(1)} s`;

function run(label, command, args, { allowFailure = false, quiet = false } = {}) {
  console.log(`\n▸ ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (result.status !== 0 && !allowFailure) {
    if (quiet) process.stderr.write(result.stdout + result.stderr);
    console.error(`\npnpm start: "${label}" failed (${result.signal ? `signal ${result.signal}` : `exit ${result.status}`}).`);
    process.exit(result.status || 1);
  }
  return result;
}

const turbo = (...args) => ["exec", "turbo", "run", ...args, "--output-logs=errors-only"];
const codegen = join(root, "packages/codegen/bin/faxkit-codegen.js");

run("build the code generator", "pnpm", turbo("build", "--filter=@faxkit/codegen"));
const stale = run("is the generated code current?", process.execPath, [codegen, "check"], { allowFailure: true });
const regenerated = stale.status !== 0;
if (regenerated) run("regenerate from openapi/faxplus.yaml + overlays", process.execPath, [codegen, "generate"]);
run("build every package", "pnpm", turbo("build"));

// Read the result the way a user would: from the built @faxkit/types package.
const { specInfo } = await import(pathToFileURL(join(root, "packages/types/dist/index.js")).href);
const built = performance.now();
console.log(
  `\n${specInfo.title} ${specInfo.version}: ${specInfo.operationCount} operations, ${specInfo.schemaCount} schemas; ` +
    `generated code ${regenerated ? "regenerated" : "up to date"}; built in ${seconds(started, built)}.`,
);

// Bundle the quickstart with the examples package's esbuild; the workspace packages stay
// imports, resolved from examples/node_modules (the bundle lives in examples/dist).
console.log("\n▸ bundle examples/quickstart.ts");
const esbuild = createRequire(join(root, "examples/package.json"))("esbuild");
const outfile = join(root, "examples/dist/quickstart.mjs");
try {
  await esbuild.build({
    entryPoints: [join(root, "examples/quickstart.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
} catch {
  console.error("\npnpm start: bundling examples/quickstart.ts failed (esbuild's errors are above).");
  process.exit(1);
}

console.log("\n▸ run the quickstart\n");
const quickstartStarted = performance.now();
const quickstart = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: root, env: process.env, stdio: "inherit" });
const code = quickstart.status ?? 1;
console.log(
  `\n${code === 0 ? "Done" : `Quickstart failed (${quickstart.signal ? `signal ${quickstart.signal}` : `exit ${code}`})`} in ` +
    `${seconds(started)} (build ${seconds(started, built)}, quickstart ${seconds(quickstartStarted)}).`,
);
process.exit(code);
