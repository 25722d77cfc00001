import type { Fax, Outbox } from "@faxkit/types";
import { DeliveryTimeoutError, NotFoundError, ResponseParseError, TimeoutError } from "../../errors/index.js";
import { type CalledOperation, calledOperation, callOperation } from "../../internal/call-operation.js";
import type { ClientContext } from "../../internal/client-context.js";
import { describeValue } from "../../internal/describe-value.js";
import { redactedError } from "../../internal/redacted-error.js";
import type { CallOptions } from "../call-options.js";
import { faxIdForOutboxId, faxState, outboxState } from "./delivery-status.js";
import { pause } from "./pause.js";
import type { DeliveryState, WaitForDeliveryOptions } from "./types.js";

const METHOD = "outbox.waitForDelivery";
const DEFAULT_TIMEOUT_MS = 30 * 60_000;
const DEFAULT_INTERVAL_MS = 2_000;
const DEFAULT_MAX_INTERVAL_MS = 30_000;
const BACKOFF = 1.5;
/** Up to this many faxes still in the outbox are polled one by one; more take one `listOutboxFaxes` (not paginated). */
const PER_ID_POLL_LIMIT = 4;
/** `getFax` requests in flight at once. */
const CONCURRENCY = 4;
/** How many pending ids a timeout's message names; `deliveries` has them all. */
const NAMED_IN_MESSAGE = 5;

interface Plan {
  ids: string[];
  timeout: number;
  interval: number;
  maxInterval: number;
  signal: AbortSignal | undefined;
  userId: string | undefined;
}

interface Operations {
  getOutboxFax: CalledOperation;
  listOutboxFaxes: CalledOperation;
  getFax: CalledOperation;
}

function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new TypeError(`${METHOD}: ${name} must be a finite number of ms above 0 (got ${describeValue(value)})`);
  return value;
}

function plan(ids: unknown, options: WaitForDeliveryOptions): Plan {
  const list = typeof ids === "string" ? [ids] : ids;
  if (!Array.isArray(list)) throw new TypeError(`${METHOD}: ids must be a string or an array of strings (got ${describeValue(ids)})`);
  list.forEach((id, index) => {
    if (typeof id !== "string" || id.trim() === "")
      throw new TypeError(`${METHOD}: ids[${index}] must be a non-empty id string (got ${describeValue(id)})`);
  });
  if (options === null || typeof options !== "object")
    throw new TypeError(`${METHOD}: options must be an object (got ${describeValue(options)})`);
  const interval = positive("interval", options.interval, DEFAULT_INTERVAL_MS);
  const maxInterval = positive("maxInterval", options.maxInterval, Math.max(DEFAULT_MAX_INTERVAL_MS, interval));
  if (maxInterval < interval) throw new TypeError(`${METHOD}: maxInterval (${maxInterval}) must be at least interval (${interval})`);
  return {
    ids: [...new Set(list as string[])],
    timeout: positive("timeout", options.timeout, DEFAULT_TIMEOUT_MS),
    interval,
    maxInterval,
    signal: options.signal,
    userId: options.user_id,
  };
}

/** `undefined` for a 404: the entry has left the outbox (or never was in it). */
async function found<T>(request: Promise<unknown>): Promise<T | undefined> {
  try {
    return (await request) as T;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

async function outboxRecords(ctx: ClientContext, ops: Operations, ids: string[], call: CallOptions, userId: string | undefined) {
  const byId = new Map<string, Outbox | undefined>();
  if (ids.length <= PER_ID_POLL_LIMIT) {
    const records = await Promise.all(
      ids.map((id) => found<Outbox>(callOperation(ctx, ops.getOutboxFax, { outbox_fax_id: id, user_id: userId }, call))),
    );
    for (const [index, id] of ids.entries()) byId.set(id, records[index]);
    return byId;
  }
  const body = (await callOperation(ctx, ops.listOutboxFaxes, { user_id: userId }, call)) as { records?: unknown } | undefined;
  if (!Array.isArray(body?.records))
    throw redactedError(ResponseParseError, `${METHOD}: listOutboxFaxes answered without a "records" array, so the outbox cannot be read`, {
      operationId: "listOutboxFaxes",
      method: "GET",
    });
  const listed = new Map<unknown, Outbox>(body.records.map((record: Outbox) => [record?.id, record]));
  for (const id of ids) byId.set(id, listed.get(id));
  return byId;
}

async function eachLimited<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

/** One poll of every fax without a final status: the outbox first, then the fax records of those that left it. */
async function pollOnce(
  ctx: ClientContext,
  ops: Operations,
  states: Map<string, DeliveryState>,
  call: CallOptions,
  userId: string | undefined,
) {
  const queued = [...states.values()].filter((s) => s.stage === "unknown" || s.stage === "outbox").map((s) => s.id);
  if (queued.length > 0)
    for (const [id, record] of await outboxRecords(ctx, ops, queued, call, userId))
      states.set(id, record ? outboxState(id, record) : { id, stage: "between", status: undefined, final: false, record: undefined });
  const left = [...states.values()].filter((s) => s.stage === "between" || (s.stage === "fax" && !s.final));
  await eachLimited(left, async ({ id }) => {
    const record = await found<Fax>(callOperation(ctx, ops.getFax, { fax_id: faxIdForOutboxId(id), user_id: userId }, call));
    if (record) states.set(id, faxState(id, record));
  });
}

function timedOut(states: Map<string, DeliveryState>, timeout: number, cause?: unknown): DeliveryTimeoutError {
  const deliveries = [...states.values()];
  const pending = deliveries.filter((s) => !s.final);
  const named = pending
    .slice(0, NAMED_IN_MESSAGE)
    .map((s) => `${describeValue(s.id)} (${s.stage}${s.status === undefined ? "" : `, ${describeValue(s.status)}`})`);
  const more = pending.length > NAMED_IN_MESSAGE ? `, and ${pending.length - NAMED_IN_MESSAGE} more` : "";
  return redactedError(
    DeliveryTimeoutError,
    `${METHOD}: ${pending.length} of ${deliveries.length} faxes had no final status after ${timeout} ms: ${named.join(", ")}${more}; ` +
      "error.deliveries holds the last state of each",
    { timeoutMs: timeout, deliveries, cause },
  );
}

/**
 * `fax.outbox.waitForDelivery`: polls until every fax has a final status (see
 * `FINAL_FAX_STATUSES`), pausing `interval` ms, then 1.5× longer each time up to `maxInterval`,
 * and never past `timeout`; so at most about `timeout / interval + 1` polls happen. Each poll
 * asks the outbox (`getOutboxFax` per id, or one `listOutboxFaxes` for more than 4), then
 * `getFax` for each fax that has left it (see `faxIdForOutboxId`). A 404 means "not there
 * (yet)"; any other error after the transport's retries ends the wait with that error.
 *
 * @example
 * ```ts
 * const records = await createWaitForDelivery(ctx)(["1a2b3c4d5e6f7890"], { timeout: 600_000 });
 * ```
 */
export function createWaitForDelivery(ctx: ClientContext) {
  const ops: Operations = {
    getOutboxFax: calledOperation("getOutboxFax"),
    listOutboxFaxes: calledOperation("listOutboxFaxes"),
    getFax: calledOperation("getFax"),
  };
  return async function waitForDelivery(ids: string | readonly string[], options: WaitForDeliveryOptions = {}): Promise<Fax[]> {
    const { ids: unique, timeout, interval, maxInterval, signal, userId } = plan(ids, options);
    const states = new Map<string, DeliveryState>(
      unique.map((id) => [id, { id, stage: "unknown", status: undefined, final: false, record: undefined }]),
    );
    const end = performance.now() + timeout;
    let wait = interval;
    for (;;) {
      const remaining = end - performance.now();
      if (remaining <= 0) throw timedOut(states, timeout);
      try {
        // Each request ends by the wait's end at the latest, so no poll outlives the timeout.
        await pollOnce(ctx, ops, states, { signal, deadline: remaining }, userId);
      } catch (error) {
        // The transport measures that deadline itself: a millisecond of difference is still this wait's end.
        if (error instanceof TimeoutError && end - performance.now() <= 1) throw timedOut(states, timeout, error);
        throw error;
      }
      if ([...states.values()].every((s) => s.final)) return unique.map((id) => states.get(id)?.record as Fax);
      await pause(Math.min(wait, Math.max(0, end - performance.now())), signal, METHOD);
      wait = Math.min(wait * BACKOFF, maxInterval);
    }
  };
}
