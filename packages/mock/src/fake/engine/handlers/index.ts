import type { OperationId } from "@faxkit/types";
import type { OperationHandler } from "../operation-context.js";
import { accountHandlers } from "./accounts.js";
import { faxHandlers } from "./faxes.js";
import { fileHandlers } from "./files.js";
import { numberHandlers } from "./numbers.js";
import { outboxHandlers } from "./outbox.js";
import { webhookHandlers } from "./webhooks.js";

/** The fake's implementation of every operation; `satisfies` makes a new operation of the spec a compile error here. */
export const handlers = {
  ...accountHandlers,
  ...faxHandlers,
  ...fileHandlers,
  ...numberHandlers,
  ...outboxHandlers,
  ...webhookHandlers,
} satisfies Record<OperationId, OperationHandler>;
