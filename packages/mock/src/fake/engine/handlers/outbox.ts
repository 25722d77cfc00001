import type { BulkOutboxUpdateRequest, Outbox, OutboxCoverPage, PayloadOutbox, PayloadOutboxModification } from "@faxkit/types";
import { quoteRequestText } from "../../../internal/quote-request-text.js";
import { fail } from "../answer-error.js";
import { jsonAnswer, noContent } from "../answers.js";
import { scheduleDelivery } from "../delivery.js";
import { formatSendTime, parseSendTime } from "../fax-time.js";
import { faxTime, newId } from "../fixtures.js";
import { LIMITS } from "../limits.js";
import { type EngineContext, type OperationCall, type OperationHandler, userOf } from "../operation-context.js";
import { pageCount } from "../page-count.js";
import type { OutboxEntry, StoredDocument } from "../state.js";

function entryOrFail(call: OperationCall, ctx: EngineContext): OutboxEntry {
  const uid = userOf(call, ctx);
  const id = call.params.outbox_fax_id ?? "";
  const entry = ctx.state.outbox.get(id);
  if (!entry || entry.owner !== uid) throw fail(404, `No outgoing fax ${quoteRequestText(id)} in the outbox`);
  return entry;
}

function notSending(entry: OutboxEntry, what: string): void {
  if (entry.record.status === "sending")
    throw fail(400, `The fax ${quoteRequestText(entry.record.id)} is already sending and cannot be ${what}`);
}

function setComment(entry: OutboxEntry, text: string): void {
  entry.record = { ...entry.record, comment: { ...entry.record.comment, text } };
}

/** The documents of a send: the uploads `files` names (the caller's own), then `from_fax`'s; at most 30 MB together. */
function documentsFor(body: PayloadOutbox, owner: string, ctx: EngineContext): StoredDocument[] {
  const documents = body.files.map((path) => {
    const upload = ctx.state.uploads.get(path);
    if (!upload || upload.owner !== owner) throw fail(400, `No uploaded file ${quoteRequestText(path)}: upload it with uploadFile first`);
    return upload.document;
  });
  if (body.from_fax !== undefined) {
    const source = ctx.state.faxes.get(body.from_fax);
    if (!source || source.owner !== owner) throw fail(400, `from_fax names no fax of this account: ${quoteRequestText(body.from_fax)}`);
    documents.push(...source.documents);
  }
  if (documents.length === 0 && body.from_fax === undefined)
    throw fail(400, "A fax needs a document: list uploaded paths in files, or give from_fax");
  const bytes = documents.reduce((sum, document) => sum + document.bytes.byteLength, 0);
  if (bytes > LIMITS.sendBytes) throw fail(400, `The files of one fax may hold at most 30 MB together (got ${bytes} bytes)`);
  return documents;
}

/** Only the cover page fields the spec lists, so an extra property sent is not served back. */
function coverPage(cover: OutboxCoverPage | undefined): OutboxCoverPage | undefined {
  if (!cover) return undefined;
  const { name_to, name_from, subject, flags, message } = cover;
  return { name_to, name_from, subject, ...(flags ? { flags } : {}), ...(message !== undefined ? { message } : {}) };
}

function outboxRecord(id: string, owner: string, to: string, body: PayloadOutbox, documents: StoredDocument[], now: number): Outbox {
  const at = faxTime(now);
  const retry = { count: body.options?.retry?.count ?? 0, delay: body.options?.retry?.delay ?? 0 };
  const enhancement = body.options?.enhancement ?? true;
  const record: Outbox = {
    id,
    uid: owner,
    status: "submitted",
    to: [to],
    files: [...body.files],
    src: body.from,
    // A comma-separated `from` lets the service pick; the fake picks the first.
    designated_src: body.from.split(",")[0]?.trim() ?? body.from,
    comment: { text: body.comment?.text ?? "", tags: [...(body.comment?.tags ?? [])] },
    options: { enhancement, retry },
    retry,
    should_enhance: enhancement,
    send_time: body.send_time ?? formatSendTime(now),
    submit_time: at,
    last_updated_status_time: at,
    status_changes: [{ at, status: "submitted" }],
    file_changes: [{ at, files: documents.map((d) => ({ file_name: d.fileName, mime_type: d.contentType, size: d.bytes.byteLength })) }],
    page_count: documents.reduce((sum, document) => sum + pageCount(document), 0) || 1,
    initiated_from: { from_id: "", type: "api" },
    extra_info: {},
  };
  const cover = coverPage(body.cover_page);
  if (cover) record.cover_page = cover;
  return record;
}

/**
 * One outbox entry per unique destination, each moving on the fake clock to a sent fax of the
 * same id. With `return_ids` the answer maps each destination to that id; without, it is `{}`.
 */
const sendFax: OperationHandler = (call, ctx) => {
  const owner = userOf(call, ctx);
  const body = call.body as PayloadOutbox;
  const documents = documentsFor(body, owner, ctx);
  const sendAt = body.send_time === undefined ? undefined : parseSendTime(body.send_time);
  if (body.send_time !== undefined && sendAt === undefined)
    throw fail(400, `send_time ${quoteRequestText(body.send_time)} is not a time formatted YYYY-MM-DD HH:MM:SS +HHMM`);
  const destinations = [...new Set(body.to)];
  if (!ctx.state.hasRoomForFaxes(destinations.length))
    throw fail(400, `the fake holds at most ${LIMITS.faxes} faxes and outbox entries; reset() empties it`);
  const now = ctx.clock.now();
  const ids: Record<string, string> = {};
  for (const to of destinations) {
    const id = newId();
    const entry: OutboxEntry = { record: outboxRecord(id, owner, to, body, documents, now), owner, documents };
    ctx.state.outbox.set(id, entry);
    scheduleDelivery(ctx, entry, sendAt);
    Object.defineProperty(ids, to, { value: id, enumerable: true, writable: true, configurable: true });
  }
  return jsonAnswer(201, body.return_ids === true ? { ids } : {});
};

const listOutboxFaxes: OperationHandler = (call, ctx) => {
  const uid = userOf(call, ctx);
  const records = [...ctx.state.outbox.values()].filter((entry) => entry.owner === uid).map((entry) => entry.record);
  return jsonAnswer(200, { records });
};

/** "Jobs already in `sending` state are not changed and report 409"; unknown ids 404. */
const bulkUpdateOutboxFaxes: OperationHandler = (call, ctx) => {
  const uid = userOf(call, ctx);
  const body = call.body as BulkOutboxUpdateRequest;
  const results = [...new Set(body.ids)].map((id) => {
    const entry = ctx.state.outbox.get(id);
    if (!entry || entry.owner !== uid) return { id, code: 404 as const };
    if (entry.record.status === "sending") return { id, code: 409 as const };
    setComment(entry, body.comment);
    return { id, code: 204 as const };
  });
  return jsonAnswer(200, { results });
};

const getOutboxFax: OperationHandler = (call, ctx) => jsonAnswer(200, entryOrFail(call, ctx).record);

const updateOutboxFax: OperationHandler = (call, ctx) => {
  const entry = entryOrFail(call, ctx);
  notSending(entry, "changed");
  const comment = (call.body as PayloadOutboxModification | undefined)?.comment;
  if (comment !== undefined) setComment(entry, comment);
  return noContent();
};

const deleteOutboxFax: OperationHandler = (call, ctx) => {
  const entry = entryOrFail(call, ctx);
  notSending(entry, "cancelled");
  ctx.state.outbox.delete(entry.record.id);
  return noContent();
};

export const outboxHandlers = {
  listOutboxFaxes,
  sendFax,
  bulkUpdateOutboxFaxes,
  getOutboxFax,
  updateOutboxFax,
  deleteOutboxFax,
} satisfies Record<string, OperationHandler>;
