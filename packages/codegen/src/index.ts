/**
 * @faxkit/codegen — OpenAPI 3.0 spec + Overlay 1.0 documents → TypeScript types, schema
 * aliases, a runtime operation table and the resolved spec.
 */

export type { CodegenConfigFile, ResolvedConfig } from "./config.js";
export { DEFAULT_CONFIG_FILE, loadConfig, resolveConfig } from "./config.js";
export { bumpsByPackage, overallBump } from "./diff/bump.js";
export { diffSpecs } from "./diff/diff-specs.js";
export { renderDiffReport } from "./diff/render-report.js";
export type { AffectedPackage, Bump, DiffRule, RuleId, SpecChange } from "./diff/rules.js";
export { DIFF_RULES } from "./diff/rules.js";
export type { OperationRecord } from "./emit/operation-table.js";
export type { CodegenErrorCode, SourceLocation } from "./errors/CodegenError.js";
export { CodegenError, formatLocation } from "./errors/CodegenError.js";
export type { CodegenOptions, GenerateResult } from "./generate.js";
export { check, generate } from "./generate.js";
export type { InitCommandOptions } from "./init/init-command.js";
export { initCommand } from "./init/init-command.js";
export type { SpecSummary, TagSummary } from "./model/summary.js";
export { summarizeDocument } from "./model/summary.js";
export { quoteSpecValue } from "./quote/spec-value-text.js";
export { changesetFileName } from "./release/changesets/changeset-file.js";
export type { ChangesetInput } from "./release/changesets/changeset-text.js";
export { renderChangeset, summarizeChanges } from "./release/changesets/changeset-text.js";
export { CHANGESET_CONFIG, fixedGroupOf, readFixedGroup } from "./release/changesets/fixed-group.js";
export type { ChangesetBump } from "./release/changesets/front-matter.js";
export { readChangesetReleases } from "./release/changesets/front-matter.js";
export type { PendingChangeset } from "./release/changesets/pending.js";
export { pendingChangesets } from "./release/changesets/pending.js";
export { planReleases, policyBump } from "./release/changesets/release-plan.js";
export { GUARD_COMMAND, SPEC_PACKAGE, UPDATE_COMMAND } from "./release/command-names.js";
export type { GuardResult } from "./release/guard/check-lock.js";
export { checkLock } from "./release/guard/check-lock.js";
export { guardCommand } from "./release/guard/guard-command.js";
export { recordLock } from "./release/guard/record-lock.js";
export { readLock, writeLock } from "./release/lock/lock-file.js";
export type { LockDifference, LockEntry, SpecLock } from "./release/lock/spec-lock.js";
export { compareLock, computeLock, LOCK_FILE_NAME, lockPath } from "./release/lock/spec-lock.js";
export type { ReleaseCommandOptions } from "./release/publish/release-command.js";
export { releaseCommand } from "./release/publish/release-command.js";
export { ReleaseRefusal } from "./release/ReleaseRefusal.js";
export { Snapshot } from "./release/update/snapshot.js";
export type { UpdateCommandOptions } from "./release/update/update-command.js";
export { updateCommand } from "./release/update/update-command.js";
export { emitStandaloneValidator } from "./validators/emit-validators.js";
export type { StaleFile } from "./write/output-set.js";
