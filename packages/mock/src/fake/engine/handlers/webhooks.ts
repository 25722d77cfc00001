import type { Webhook } from "@faxkit/types";
import { quoteRequestText } from "../../../internal/quote-request-text.js";
import { fail } from "../answer-error.js";
import { jsonAnswer, noContent } from "../answers.js";
import { newId } from "../fixtures.js";
import { LIMITS } from "../limits.js";
import type { OperationHandler } from "../operation-context.js";

/** Registers `{ target, event }` (nothing else sent is kept). The fake calls loopback targets only. */
const createWebhook: OperationHandler = (call, ctx) => {
  const { target, event } = call.body as Webhook;
  if (ctx.state.webhooks.size >= LIMITS.webhooks) throw fail(400, `the fake holds at most ${LIMITS.webhooks} webhooks`);
  const id = newId();
  ctx.state.webhooks.set(id, { id, target, event });
  return jsonAnswer(200, { id });
};

const getWebhooks: OperationHandler = (call, ctx) => {
  const data = [...ctx.state.webhooks.values()].filter((hook) => hook.event === call.query.event);
  return jsonAnswer(200, { data });
};

const deleteWebhook: OperationHandler = (call, ctx) => {
  const id = call.params.hook_id ?? "";
  if (!ctx.state.webhooks.delete(id)) throw fail(404, `No webhook ${quoteRequestText(id)}`);
  return noContent();
};

export const webhookHandlers = { createWebhook, getWebhooks, deleteWebhook } satisfies Record<string, OperationHandler>;
