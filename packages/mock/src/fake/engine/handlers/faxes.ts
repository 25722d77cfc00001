import type { BulkFaxUpdateRequest, Fax, FaxCategory, PayloadFaxModification } from "@faxkit/types";
import { quoteRequestText } from "../../../internal/quote-request-text.js";
import { fail } from "../answer-error.js";
import { jsonAnswer, noContent } from "../answers.js";
import { parseFaxTimeSeconds } from "../fax-time.js";
import { type EngineContext, type OperationCall, type OperationHandler, userOf } from "../operation-context.js";
import type { FaxEntry } from "../state.js";

const DEFAULT_LIMIT = 50;

/** The fax `fax_id` names, in the folder of the call's user; 404 otherwise. */
export function faxOrFail(call: OperationCall, ctx: EngineContext): FaxEntry {
  const uid = userOf(call, ctx);
  const id = call.params.fax_id ?? "";
  const entry = ctx.state.faxes.get(id);
  if (!entry || entry.owner !== uid) throw fail(404, `No fax ${quoteRequestText(id)}`);
  return entry;
}

/** Newest first by `start_time` to the second; within a second by id, so every request orders a second's faxes alike. */
function newestFirst(a: { seconds: number; id: string }, b: { seconds: number; id: string }): number {
  if (a.seconds !== b.seconds) return b.seconds - a.seconds;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Each record's JSON, written once: the engine never changes a stored Fax in place (an update
 * stores a new object), so the text stays true for as long as the object lives.
 */
const recordJson = new WeakMap<Fax, string>();
function jsonOf(fax: Fax): string {
  let text = recordJson.get(fax);
  if (text === undefined) {
    text = JSON.stringify(fax);
    recordJson.set(fax, text);
  }
  return text;
}

type Placed = { seconds: number; id: string; fax: Fax };

/** Inserts `item` into `newest` (sorted newest first) and keeps at most `limit`: a page never sorts the whole folder. */
function keepNewest(newest: Placed[], item: Placed, limit: number): void {
  if (newest.length >= limit && newestFirst(item, newest[newest.length - 1] as Placed) >= 0) return;
  let at = newest.length;
  while (at > 0 && newestFirst(item, newest[at - 1] as Placed) < 0) at--;
  newest.splice(at, 0, item);
  if (newest.length > limit) newest.pop();
}

/** The record's `start_time` in seconds, parsed once per text: the regex and the round-trip check were most of a list request. */
function startSeconds(entry: FaxEntry): number | undefined {
  const text = entry.fax.start_time;
  if (entry.startParsed?.text !== text) entry.startParsed = { text, seconds: parseFaxTimeSeconds(text) };
  return entry.startParsed?.seconds;
}

/**
 * The window `after` (inclusive) to `before` (exclusive), to the second, newest first, at most
 * `limit`: what `listAll` pages through by moving `before`. A fax without a readable
 * `start_time` is listed last, and only when no window is asked for.
 */
const listFaxes: OperationHandler = (call, ctx) => {
  const uid = userOf(call, ctx);
  const category = call.query.category as FaxCategory | undefined;
  const after = parseFaxTimeSeconds(call.query.after);
  const before = parseFaxTimeSeconds(call.query.before);
  const limit = typeof call.query.limit === "number" ? call.query.limit : DEFAULT_LIMIT;
  const windowed = after !== undefined || before !== undefined;
  const placed: Placed[] = [];
  const unplaced: Fax[] = [];
  for (const entry of ctx.state.faxes.values()) {
    if (entry.owner !== uid || (category !== undefined && entry.category !== category)) continue;
    const seconds = startSeconds(entry);
    if (seconds === undefined) {
      if (!windowed) unplaced.push(entry.fax);
      continue;
    }
    if ((after !== undefined && seconds < after) || (before !== undefined && seconds >= before)) continue;
    keepNewest(placed, { seconds, id: entry.fax.id, fax: entry.fax }, limit);
  }
  const records = [...placed.map((item) => item.fax), ...unplaced].slice(0, limit);
  return { status: 200, headers: { "content-type": "application/json" }, body: `{"data":{"records":[${records.map(jsonOf).join(",")}]}}` };
};

function applyUpdate(entry: FaxEntry, change: { is_read?: boolean; comment?: string }): void {
  const fax = { ...entry.fax };
  if (change.is_read !== undefined) fax.is_read = change.is_read;
  if (change.comment !== undefined) fax.comment = change.comment;
  entry.fax = fax;
}

const bulkUpdateFaxes: OperationHandler = (call, ctx) => {
  const uid = userOf(call, ctx);
  const body = call.body as BulkFaxUpdateRequest;
  // "Duplicate IDs are automatically ignored": one result per unique ID, in request order.
  const results = [...new Set(body.ids)].map((id) => {
    const entry = ctx.state.faxes.get(id);
    if (!entry || entry.owner !== uid) return { id, code: 404 as const };
    applyUpdate(entry, { is_read: body.is_read, comment: body.comment });
    return { id, code: 204 as const };
  });
  return jsonAnswer(200, { results });
};

const getFax: OperationHandler = (call, ctx) => jsonAnswer(200, faxOrFail(call, ctx).fax);

const updateFax: OperationHandler = (call, ctx) => {
  const entry = faxOrFail(call, ctx);
  const body = call.body as PayloadFaxModification;
  applyUpdate(entry, { is_read: body.is_read, comment: body.comment });
  return noContent();
};

const deleteFax: OperationHandler = (call, ctx) => {
  ctx.state.faxes.delete(faxOrFail(call, ctx).fax.id);
  return noContent();
};

export const faxHandlers = { listFaxes, bulkUpdateFaxes, getFax, updateFax, deleteFax } satisfies Record<string, OperationHandler>;
