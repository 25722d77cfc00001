import type { NumberModel, PayloadNumberModification } from "@faxkit/types";
import { quoteRequestText } from "../../../internal/quote-request-text.js";
import { fail } from "../answer-error.js";
import { jsonAnswer, noContent } from "../answers.js";
import { type EngineContext, type OperationCall, type OperationHandler, requireAdmin, userOf } from "../operation-context.js";

/** An admin sees every number of the company; anyone else the numbers it owns or is assigned. */
function visibleTo(ctx: EngineContext, uid: string, number: NumberModel): boolean {
  if (uid === ctx.state.account.uid && ctx.state.isAdmin()) return true;
  return number.owner_id === uid || number.assigned_to.includes(uid);
}

function numberOrFail(call: OperationCall, ctx: EngineContext, uid: string): NumberModel {
  const wanted = call.params.number ?? "";
  const number = ctx.state.numbers.get(wanted);
  if (!number || !visibleTo(ctx, uid, number)) throw fail(404, `No number ${quoteRequestText(wanted)}`);
  return number;
}

const listNumbers: OperationHandler = (call, ctx) => {
  const uid = userOf(call, ctx);
  return jsonAnswer(200, { numbers: [...ctx.state.numbers.values()].filter((number) => visibleTo(ctx, uid, number)) });
};

const getNumber: OperationHandler = (call, ctx) => jsonAnswer(200, numberOrFail(call, ctx, userOf(call, ctx)));

/** Adds the member to `assigned_to` (a number may serve several members). */
const updateNumber: OperationHandler = (call, ctx) => {
  requireAdmin(ctx, "assign numbers");
  const number = numberOrFail(call, ctx, userOf(call, ctx));
  const { assigned_to: assignee } = call.body as PayloadNumberModification;
  if (ctx.state.resolveUser(assignee) === undefined || assignee === "self")
    throw fail(404, `No member ${quoteRequestText(assignee)} to assign the number to`);
  if (!number.assigned_to.includes(assignee))
    ctx.state.numbers.set(number.number, { ...number, assigned_to: [...number.assigned_to, assignee] });
  return noContent();
};

/** Removes the number from `user_id`'s assignments; "a number cannot be revoked from the admin". */
const revokeNumber: OperationHandler = (call, ctx) => {
  const uid = userOf(call, ctx);
  const number = numberOrFail(call, ctx, uid);
  if (uid === ctx.state.account.uid && ctx.state.isAdmin()) throw fail(403, "A number cannot be revoked from the corporate admin");
  if (!number.assigned_to.includes(uid)) throw fail(404, `The number ${quoteRequestText(number.number)} is not assigned to this user`);
  ctx.state.numbers.set(number.number, { ...number, assigned_to: number.assigned_to.filter((assignee) => assignee !== uid) });
  return noContent();
};

export const numberHandlers = { listNumbers, getNumber, updateNumber, revokeNumber } satisfies Record<string, OperationHandler>;
