import type { ValidatedOperationId } from "../generated/operations.js";
import type { OperationValidators } from "./operation-lookup.js";

/**
 * operationId → a loader of that operation's generated validators, each its own module
 * (and its own chunk in a bundle): the middleware imports an operation's validators the
 * first time the operation is called, so an app pays for the ones it uses, when it uses
 * them, instead of loading every schema up front.
 *
 * The specifiers must be string literals for bundlers to split them, so this table names
 * every file. `satisfies Record<ValidatedOperationId, …>` makes a regenerated spec with an
 * operation added or removed a compile error here; the test checks each loader lands on
 * its own operation.
 */
const LOADERS = {
  getAccounts: () => import("../generated/operations/GetAccounts.js"),
  getUser: () => import("../generated/operations/GetUser.js"),
  updateUser: () => import("../generated/operations/UpdateUser.js"),
  getMemberDetails: () => import("../generated/operations/GetMemberDetails.js"),
  updateMemberDetails: () => import("../generated/operations/UpdateMemberDetails.js"),
  inviteMembers: () => import("../generated/operations/InviteMembers.js"),
  resendInvitations: () => import("../generated/operations/ResendInvitations.js"),
  listFaxes: () => import("../generated/operations/ListFaxes.js"),
  bulkUpdateFaxes: () => import("../generated/operations/BulkUpdateFaxes.js"),
  getFax: () => import("../generated/operations/GetFax.js"),
  updateFax: () => import("../generated/operations/UpdateFax.js"),
  deleteFax: () => import("../generated/operations/DeleteFax.js"),
  uploadFile: () => import("../generated/operations/UploadFile.js"),
  getFile: () => import("../generated/operations/GetFile.js"),
  getFaxReport: () => import("../generated/operations/GetFaxReport.js"),
  listNumbers: () => import("../generated/operations/ListNumbers.js"),
  getNumber: () => import("../generated/operations/GetNumber.js"),
  updateNumber: () => import("../generated/operations/UpdateNumber.js"),
  revokeNumber: () => import("../generated/operations/RevokeNumber.js"),
  listOutboxFaxes: () => import("../generated/operations/ListOutboxFaxes.js"),
  bulkUpdateOutboxFaxes: () => import("../generated/operations/BulkUpdateOutboxFaxes.js"),
  sendFax: () => import("../generated/operations/SendFax.js"),
  getOutboxFax: () => import("../generated/operations/GetOutboxFax.js"),
  updateOutboxFax: () => import("../generated/operations/UpdateOutboxFax.js"),
  deleteOutboxFax: () => import("../generated/operations/DeleteOutboxFax.js"),
  getWebhooks: () => import("../generated/operations/GetWebhooks.js"),
  createWebhook: () => import("../generated/operations/CreateWebhook.js"),
  deleteWebhook: () => import("../generated/operations/DeleteWebhook.js"),
} satisfies Record<ValidatedOperationId, () => Promise<OperationValidators>>;

/**
 * The validators of one operation, imported on its first call; `undefined` for an id with
 * no validators (an operation of another version of @faxkit/types). The module system
 * keeps what it imported, so later calls (and concurrent first ones) share one module.
 */
export function loadOperationValidators(operationId: string): Promise<OperationValidators> | undefined {
  // hasOwn: an id such as "toString" must not reach an inherited function.
  return Object.hasOwn(LOADERS, operationId) ? LOADERS[operationId as ValidatedOperationId]() : undefined;
}
