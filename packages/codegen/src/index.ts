/**
 * @faxkit/codegen — OpenAPI 3.0 spec + Overlay 1.0 documents → TypeScript types, schema
 * aliases, a runtime operation table and the resolved spec.
 */

export type { CodegenConfigFile, ResolvedConfig } from "./config.js";
export { DEFAULT_CONFIG_FILE, loadConfig, resolveConfig } from "./config.js";
export { bumpsByPackage, overallBump } from "./diff/bump.js";
export { diffSpecs } from "./diff/diff-specs.js";
export { renderDiffReport } from "./diff/render-report.js";
export type { AffectedPackage, Bump, DiffRule, SpecChange } from "./diff/rules.js";
export { DIFF_RULES } from "./diff/rules.js";
export type { OperationRecord } from "./emit/operation-table.js";
export type { CodegenErrorCode, SourceLocation } from "./errors/CodegenError.js";
export { CodegenError, formatLocation } from "./errors/CodegenError.js";
export type { CodegenOptions, GenerateResult } from "./generate.js";
export { check, generate } from "./generate.js";
export type { SpecSummary, TagSummary } from "./model/summary.js";
export { summarizeDocument } from "./model/summary.js";
export { emitStandaloneValidator } from "./validators/emit-validators.js";
export type { StaleFile } from "./write/output-set.js";
