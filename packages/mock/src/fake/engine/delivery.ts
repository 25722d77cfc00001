import type { Fax, OutboxStatus } from "@faxkit/types";
import { faxTime } from "./fixtures.js";
import type { EngineContext } from "./operation-context.js";
import type { OutboxEntry } from "./state.js";

/** Default fake ms from `sendFax` to the sent fax record (documented in the README). */
export const DEFAULT_DELIVERY_DELAY_MS = 3_000;

/**
 * Moves an outbox entry through the outbox statuses on the fake clock and then out of the
 * outbox into a sent fax record with THE SAME ID (what `waitForDelivery` assumes), holding
 * the same documents, and notifies the `fax_sent` webhooks:
 *
 * | fake time (D = deliveryDelayMs)      | status                  |
 * |--------------------------------------|-------------------------|
 * | send                                 | `submitted`             |
 * | + D/4                                | `converting`            |
 * | + D/2                                | `scheduled_for_sending` |
 * | + 3D/4, or `send_time` if later      | `sending`               |
 * | that + D/4                           | fax record, `success`   |
 *
 * A step finds its entry gone (deleted, or the fake reset) and does nothing.
 */
export function scheduleDelivery(ctx: EngineContext, entry: OutboxEntry, sendAt: number | undefined): void {
  const start = ctx.clock.now();
  const delay = ctx.deliveryDelayMs;
  const sendingAt = Math.max(start + (delay * 3) / 4, sendAt ?? Number.NEGATIVE_INFINITY);
  const step = (at: number, status: OutboxStatus) => ctx.clock.schedule(at, () => moveTo(ctx, entry, status, at));
  step(start + delay / 4, "converting");
  step(start + delay / 2, "scheduled_for_sending");
  step(sendingAt, "sending");
  ctx.clock.schedule(sendingAt + delay / 4, () => deliver(ctx, entry, sendingAt, sendAt, sendingAt + delay / 4));
}

function current(ctx: EngineContext, entry: OutboxEntry): boolean {
  return ctx.state.outbox.get(entry.record.id) === entry;
}

function moveTo(ctx: EngineContext, entry: OutboxEntry, status: OutboxStatus, at: number): void {
  if (!current(ctx, entry)) return;
  const time = faxTime(at);
  const record = entry.record;
  entry.record = {
    ...record,
    status,
    last_updated_status_time: time,
    status_changes: [...(record.status_changes ?? []), { at: time, status }],
  };
}

function deliver(
  ctx: EngineContext,
  entry: OutboxEntry,
  sendingAt: number,
  sendAt: number | undefined,
  at: number,
): Promise<void> | undefined {
  if (!current(ctx, entry)) return undefined;
  const fax = sentFax(entry, sendingAt, sendAt, at);
  ctx.state.outbox.delete(fax.id);
  ctx.state.faxes.set(fax.id, { fax, category: "sent", owner: entry.owner, documents: entry.documents });
  // Returned, so `clock.advance()` resolves once the webhooks have been called.
  return ctx.notify("fax_sent", fax);
}

function sentFax(entry: OutboxEntry, sendingAt: number, sendAt: number | undefined, at: number): Fax {
  const { record } = entry;
  const to = record.to?.[0] ?? "";
  const pages = record.page_count ?? 1;
  const fax: Fax = {
    id: record.id,
    owner_id: entry.owner,
    direction: "outgoing",
    from: record.designated_src ?? record.src ?? "",
    to,
    status: "success",
    description: "OK",
    pages,
    cost: pages,
    cost_details: { multiplier: 1, notification_cost: 0 },
    duration: 30 * pages,
    comment: record.comment?.text ?? "",
    file: `${record.id}.pdf`,
    file_name: `fax-to-${to.replace(/\D/g, "")}`,
    is_read: false,
    is_spam: false,
    start_time: faxTime(sendingAt),
    submit_time: record.submit_time ?? null,
    scheduled_time: sendAt === undefined ? null : faxTime(sendAt),
    last_update: faxTime(at),
    header: null,
    max_retry: record.retry?.count ?? 0,
    retry_delay: record.retry?.delay ?? 0,
  };
  if (record.cover_page) fax.cover_page = record.cover_page;
  return fax;
}
