import { parseArgs } from "node:util";
import { DEFAULT_CONFIG_FILE } from "./config.js";
import { CodegenError } from "./errors/CodegenError.js";
import { check, generate } from "./generate.js";
import { commandLine } from "./init/command-line.js";
import { initCommand } from "./init/init-command.js";
import { displayPath } from "./load/source-document.js";
import type { SpecSummary } from "./model/summary.js";
import { quoteSpecValue } from "./quote/spec-value-text.js";
import { guardCommand } from "./release/guard/guard-command.js";
import { releaseCommand } from "./release/publish/release-command.js";
import { updateCommand } from "./release/update/update-command.js";

const USAGE = `Usage: faxkit-codegen <generate|check> [--config ${DEFAULT_CONFIG_FILE}] [--quiet]
       faxkit-codegen init <spec> [--config ${DEFAULT_CONFIG_FILE}] [--types <dir>] [--validators <dir>] [--force]
       faxkit-codegen update <file> [--dry-run] [--allow-same-version] [--skip-typecheck] [--config ${DEFAULT_CONFIG_FILE}]
       faxkit-codegen guard [--record [--changeset .changeset/<id>.md]] [--config ${DEFAULT_CONFIG_FILE}]
       faxkit-codegen release [--dry-run] [--skip-build-and-test] [--registry <url>]

  init       write a config for a spec (after checking that the spec generates)
  generate   regenerate every output from the spec and overlays (all or nothing)
  check      exit 1 and name each stale file when the committed output is out of date
  update     take a new vendor spec: diff, regenerate, type-check, write a changeset and the spec lock
  guard      exit 1 when the spec or an overlay changed without a release recorded in the spec lock
  release    publish the workspace's public packages at their versions (refuses pending changesets; builds and tests first)`;

/** Prints the per-tag table that `generate` ends with; the spec's title, version and tags are quoted for a terminal. */
export function formatSummary(summary: SpecSummary): string {
  const tags = summary.tags.map((t) => ({ ...t, tag: quoteSpecValue(t.tag) }));
  const width = Math.max(3, ...tags.map((t) => t.tag.length));
  const [title, version, openapi] = [summary.title, summary.version, summary.openapi].map(quoteSpecValue);
  const lines = [
    `${title} ${version} (OpenAPI ${openapi}): ${summary.operations} operations, ${summary.schemas} schemas`,
    `  ${"tag".padEnd(width)}  operations  schemas used`,
    ...tags.map((t) => `  ${t.tag.padEnd(width)}  ${String(t.operations).padStart(10)}  ${String(t.schemas).padStart(12)}`),
  ];
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  // The release commands have options of their own, so they parse their arguments themselves.
  if (argv[0] === "update") return updateCommand(argv.slice(1));
  if (argv[0] === "guard") return guardCommand(argv.slice(1));
  if (argv[0] === "release") return releaseCommand(argv.slice(1));
  if (argv[0] === "init") return initCommand(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: "string" }, quiet: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  const [command] = positionals;
  if (values.help || (command !== "generate" && command !== "check")) {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }
  const options = { config: values.config ?? DEFAULT_CONFIG_FILE };
  if (command === "check") {
    const stale = await check(options);
    if (stale.length === 0) {
      if (!values.quiet) console.log("faxkit-codegen: generated output is up to date.");
      return 0;
    }
    console.error(
      `faxkit-codegen: generated output is stale (${stale.length} file${stale.length === 1 ? "" : "s"}); run \`${commandLine("generate", values.config, process.cwd())}\` and commit the result:`,
    );
    for (const file of stale) console.error(`  ${displayPath(file.path)}  (${file.reason})`);
    return 1;
  }
  const result = await generate(options);
  if (!values.quiet) {
    console.log(formatSummary(result.summary()));
    for (const path of result.written) console.log(`  wrote     ${displayPath(path)}`);
    for (const path of result.unchanged) console.log(`  unchanged ${displayPath(path)}`);
    for (const path of result.removed) console.log(`  removed   ${displayPath(path)}`);
    console.log(
      `faxkit-codegen: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed in ${Math.round(result.durationMs)} ms`,
    );
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Bad input is reported as one paragraph, never as a stack trace.
    if (error instanceof CodegenError) console.error(`faxkit-codegen: ${error.message}`);
    else console.error(`faxkit-codegen: unexpected failure: ${(error as Error)?.message ?? String(error)}`);
    process.exitCode = 1;
  },
);
