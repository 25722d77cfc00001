import { loadConfig, type ResolvedConfig } from "./config.js";
import type { SpecSummary } from "./model/summary.js";
import { render } from "./render.js";
import { type WriteReport, writeOutputSet } from "./write/atomic-write.js";
import { findStaleFiles, type StaleFile } from "./write/output-set.js";

/** Where to find the config: a path, or an already resolved config. */
export interface CodegenOptions {
  /** Path of `faxkit.config.json` (default: `./faxkit.config.json`), or a resolved config. */
  config?: string | ResolvedConfig;
}

/** Result of {@link generate}. */
export interface GenerateResult extends WriteReport {
  /** Number of operations in the spec. */
  operationCount: number;
  /** Spec identity and per-tag counts (computed on first call). */
  summary(): SpecSummary;
  /** Wall time of the whole run, in milliseconds. */
  durationMs: number;
}

async function resolve(options: CodegenOptions): Promise<ResolvedConfig> {
  return typeof options.config === "object" ? options.config : loadConfig(options.config);
}

/**
 * Regenerates every output from the spec and overlays. Either every file is updated or,
 * on any error, none is (a `CodegenError` says what and where).
 *
 * @example
 * ```ts
 * import { generate } from "@faxkit/codegen";
 * const result = await generate({ config: "faxkit.config.json" });
 * console.log(`${result.written.length} files written in ${result.durationMs} ms`);
 * ```
 */
export async function generate(options: CodegenOptions = {}): Promise<GenerateResult> {
  const started = performance.now();
  const config = await resolve(options);
  const rendered = await render(config);
  const report = await writeOutputSet(rendered.output);
  return {
    ...report,
    operationCount: rendered.operations.length,
    summary: rendered.summary,
    durationMs: performance.now() - started,
  };
}

/**
 * Compares the committed output with what the spec would generate now. Writes nothing.
 *
 * @example
 * ```ts
 * import { check } from "@faxkit/codegen";
 * const stale = await check();
 * if (stale.length > 0) throw new Error(`stale: ${stale.map((f) => f.path).join(", ")}`);
 * ```
 */
export async function check(options: CodegenOptions = {}): Promise<StaleFile[]> {
  const config = await resolve(options);
  const rendered = await render(config);
  return findStaleFiles(rendered.output);
}
