import type { OperationId } from "@faxkit/types";
import type { OperationHandler } from "../operation-context.js";
import { accountHandlers } from "./accounts.js";
import { faxHandlers } from "./faxes.js";
import { fileHandlers } from "./files.js";
import { numberHandlers } from "./numbers.js";
import { outboxHandlers } from "./outbox.js";
import { webhookHandlers } from "./webhooks.js";

/**
 * The fake's implementation of each operation. Partial on purpose: an operation a new spec
 * adds must not stop `pnpm spec:update` from regenerating; until it is written here it is
 * answered 501, and the test "every operation of the spec has a handler" fails.
 */
export const handlers: Partial<Record<OperationId, OperationHandler>> = {
  ...accountHandlers,
  ...faxHandlers,
  ...fileHandlers,
  ...numberHandlers,
  ...outboxHandlers,
  ...webhookHandlers,
};
