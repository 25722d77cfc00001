import type { ClientContext } from "../../internal/client-context.js";
import { createSendFiles } from "./send-files.js";
import type { OutboxWorkflows } from "./types.js";
import { createWaitForDelivery } from "./wait-for-delivery.js";

export { FINAL_FAX_STATUSES, faxIdForOutboxId, OUTBOX_STATUSES } from "./delivery-status.js";
export { SEND_FILES_LIMITS } from "./limits.js";
export type * from "./types.js";

/**
 * `fax.outbox.sendFiles` and `fax.outbox.waitForDelivery`, loaded on first use.
 *
 * @example
 * ```ts
 * const { sendFiles, waitForDelivery } = createOutboxWorkflows(ctx);
 * ```
 */
export function createOutboxWorkflows(ctx: ClientContext): OutboxWorkflows {
  return { sendFiles: createSendFiles(ctx), waitForDelivery: createWaitForDelivery(ctx) };
}
