#!/usr/bin/env node
// `pnpm start`: the main job on a fresh machine. Regenerates when the committed output is
// stale, builds every package, then prints what the build produced: the spec's identity,
// operations and schemas per tag, the generated files and the time taken.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const started = performance.now();
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

function run(label, command, args, { allowFailure = false, quiet = false } = {}) {
  console.log(`\n▸ ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (result.status !== 0 && !allowFailure) {
    if (quiet) process.stderr.write(result.stdout + result.stderr);
    console.error(`\npnpm start: "${label}" failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  return result;
}

const turbo = (...args) => ["exec", "turbo", "run", ...args, "--output-logs=errors-only"];
const codegen = join(root, "packages/codegen/bin/faxkit-codegen.js");

run("build the code generator", "pnpm", turbo("build", "--filter=@faxkit/codegen"));
const stale = run("is the generated code current?", process.execPath, [codegen, "check"], { allowFailure: true });
let regenerated = false;
if (stale.status !== 0) {
  run("regenerate from openapi/faxplus.yaml + overlays", process.execPath, [codegen, "generate"]);
  regenerated = true;
}
run("build every package", "pnpm", turbo("build"));

// Read the result the way a user would: from the built @faxkit/types package.
const types = await import(pathToFileURL(join(root, "packages/types/dist/index.js")).href);
const { summarizeDocument } = await import(pathToFileURL(join(root, "packages/codegen/dist/index.js")).href);
const resolved = JSON.parse(readFileSync(join(root, "openapi/dist/faxplus.resolved.json"), "utf8"));
const summary = summarizeDocument(resolved);

const { specInfo, operations } = types;
console.log(`\n${specInfo.title} ${specInfo.version} (OpenAPI ${specInfo.openapi})`);
console.log(
  `  ${specInfo.operationCount} operations, ${specInfo.schemaCount} schemas, ${Object.keys(operations).length} entries in the operation table`,
);
const width = Math.max(...summary.tags.map((t) => t.tag.length), 3);
console.log(`\n  ${"tag".padEnd(width)}  operations  schemas used  operationIds`);
for (const tag of summary.tags) {
  const ids = Object.values(operations)
    .filter((op) => op.tag === tag.tag)
    .map((op) => op.operationId);
  console.log(`  ${tag.tag.padEnd(width)}  ${String(tag.operations).padStart(10)}  ${String(tag.schemas).padStart(12)}  ${ids.join(", ")}`);
}

const generated = [
  "packages/types/src/generated/schema.ts",
  "packages/types/src/generated/aliases.ts",
  "packages/types/src/generated/operations.ts",
  "packages/types/src/generated/spec-info.ts",
  "openapi/dist/faxplus.resolved.json",
];
console.log(`\n  generated files (${regenerated ? "regenerated now" : "already up to date"}):`);
for (const file of generated) {
  const kb = (statSync(join(root, file)).size / 1024).toFixed(1);
  console.log(`    ${relative(".", join(root, file)) || file}  ${kb} kB`);
}
const validatorModules = readdirSync(join(root, "packages/validator/src/generated"), { recursive: true }).filter((name) =>
  String(name).endsWith(".ts"),
).length;
console.log(`    packages/validator/src/generated/  ${validatorModules} validator modules`);
console.log(`  built: ${["codegen", "types", "validator", "client"].map((name) => `packages/${name}/dist`).join(", ")}`);
console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
