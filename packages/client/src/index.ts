/**
 * `@faxkit/client` — the typed Fax.Plus REST API v3 client.
 *
 * @example
 * ```ts
 * import { createFaxPlusClient } from "@faxkit/client";
 * const fax = createFaxPlusClient({ token: process.env.FAXPLUS_TOKEN });
 * ```
 *
 * @module @faxkit/client
 */

// The models an app handles most, so that one dependency is enough (all of them: @faxkit/types).
export type {
  Account,
  BulkOperationResultItemFax,
  BulkOperationResultItemOutbox,
  Fax,
  FaxCategory,
  FaxList,
  FaxStatus,
  NumberModel,
  Outbox,
  OutboxList,
  OutboxStatus,
  PayloadOutbox,
  SendFaxResponse,
  Webhook,
  WebhookCallback,
} from "@faxkit/types";
// The second error root: thrown by request validation, bulkUpdateAll and sendFiles (README, "Catching errors").
export { FaxValidationError, type ValidationIssue, type ValidationSubject } from "@faxkit/validator/errors";
export { createFaxPlusClient, DEFAULT_BASE_URL, type FaxPlusClient, type FaxPlusClientOptions } from "./client.js";
export * from "./errors/index.js";
export type { TokenSource } from "./internal/auth.js";
export type { Logger, LogLevel } from "./internal/logger.js";
export type { OAuthOptions } from "./internal/oauth-refresh.js";
export { toFaxTime } from "./internal/to-fax-time.js";
export {
  createTransport,
  type FetchOptions,
  type NonIdempotentRetries,
  RETRYABLE_STATUSES,
  type RetryInfo,
  type Transport,
  type TransportOptions,
  type TransportOverrides,
} from "./internal/transport.js";
export type {
  BulkItemResult,
  BulkProgress,
  BulkUpdateAllArgs,
  BulkUpdateAllMethod,
  BulkUpdateAllOptions,
  BulkUpdateAllResult,
} from "./resources/bulk-update-all.js";
export type { CallOptions } from "./resources/call-options.js";
export type { DownloadOptions, FileDownload, FilesApi, ReportOptions, UploadOptions, UploadSource } from "./resources/files.js";
export type { ApiPromise } from "./resources/generic-resources.js";
export type { ListAllArgs } from "./resources/list-all.js";
export type { OperationArgs, OperationData } from "./resources/operation-types.js";
export type {
  DeliveryState,
  OutboxWorkflows,
  SendFile,
  SendFilesArgs,
  SendFilesOptions,
  SendFilesResult,
  WaitForDeliveryOptions,
} from "./resources/outbox/types.js";
export type { FaxListArgs, ResourceApi } from "./resources/resource-api.js";
