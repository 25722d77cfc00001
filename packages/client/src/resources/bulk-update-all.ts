// The `./validate` subpath: only the two schemas used here end up in a bundle.
import { BulkFaxUpdateRequest, BulkOutboxUpdateRequest } from "@faxkit/validator/validate";
import { AbortError, FaxPlusError, RateLimitError } from "../errors/index.js";
import { type CalledOperation, calledOperation, callOperation } from "../internal/call-operation.js";
import type { ClientContext } from "../internal/client-context.js";
import { scrub } from "../internal/scrub.js";
import { AimdLimiter } from "./bulk/aimd-limiter.js";
import { type BodyValidator, checkConcurrency, checkMaxConcurrency, checkOnProgress, checkPayload, idError } from "./bulk/check.js";
import { chunk } from "./bulk/chunk.js";
import { codesById } from "./bulk/codes-by-id.js";
import { MAX_IDS_PER_REQUEST, MAX_RATE_LIMITED_SENDS } from "./bulk/constants.js";
import { dedupe, restore } from "./bulk/dedupe.js";
import { type PoolGate, runPool } from "./bulk/pool.js";
import { ProgressReporter } from "./bulk/progress.js";
import { type Outcome, summarize } from "./bulk/summary.js";
import type { BulkOperationId, BulkUpdateAllMethod, BulkUpdateAllOptions } from "./bulk/types.js";
import type { CallOptions } from "./call-options.js";

export { DEFAULT_BULK_CONCURRENCY, MAX_IDS_PER_REQUEST, MAX_RATE_LIMITED_SENDS } from "./bulk/constants.js";
export type {
  BulkItemResult,
  BulkOperationId,
  BulkProgress,
  BulkUpdateAllArgs,
  BulkUpdateAllMethod,
  BulkUpdateAllOptions,
  BulkUpdateAllResult,
} from "./bulk/types.js";

import { redactedError } from "../internal/redacted-error.js";
import { splitArguments } from "../internal/split-arguments.js";

const VALIDATORS: Record<BulkOperationId, BodyValidator> = {
  bulkUpdateFaxes: BulkFaxUpdateRequest,
  bulkUpdateOutboxFaxes: BulkOutboxUpdateRequest,
};

const METHOD_NAMES: Record<BulkOperationId, string> = {
  bulkUpdateFaxes: "faxes.bulkUpdateAll",
  bulkUpdateOutboxFaxes: "outbox.bulkUpdateAll",
};

/**
 * Builds `bulkUpdateAll` for one bulk operation. What the API would refuse whole (options,
 * payload, `user_id`) throws before anything is sent; a bad ID only fails its own item. From
 * then on the call never rejects: a chunk that fails or is aborted fails its items and the
 * others still complete, so no outcome is lost.
 */
export function createBulkUpdateAll<Id extends BulkOperationId>(ctx: ClientContext, operationId: Id): BulkUpdateAllMethod<Id> {
  const op = calledOperation(operationId);
  const validate = VALIDATORS[operationId];
  const method = METHOD_NAMES[operationId];
  const parameterNames = new Set([...op.pathParams, ...op.queryParams, ...op.headerParams]);

  return async (args, options = {}) => {
    const concurrency = checkConcurrency(method, options.concurrency);
    const limiter = new AimdLimiter(concurrency, checkMaxConcurrency(method, options.maxConcurrency, concurrency));
    const onProgress = checkOnProgress(method, options.onProgress);
    const isObject = args !== null && typeof args === "object" && !Array.isArray(args);
    const { params, body } = splitPayload(isObject ? args : {}, parameterNames);
    checkPayload(validate, operationId, isObject ? body : args, body.ids);
    await splitArguments(op, params, ctx.userId); // a bad user_id throws once, not once per chunk

    const input = body.ids as readonly unknown[];
    const ids = dedupe(input);
    const outcomes = new Array<Outcome>(ids.unique.length);
    const progress = new ProgressReporter(ids.unique.length, onProgress, (error) =>
      ctx.logger.warn(`${method}: onProgress threw; ignored, the bulk update goes on`, {
        operationId,
        error: scrub(error instanceof Error ? `${error.name}: ${error.message}` : String(error), ctx.secrets()),
      }),
    );
    const settle = (slot: number, outcome: Outcome) => {
      outcomes[slot] = outcome;
      progress.count(outcome.result.ok);
    };

    const sendable: number[] = [];
    for (const [slot, id] of ids.unique.entries()) {
      const error = idError(validate, operationId, body, id, ids.firstIndex[slot] as number);
      if (error) settle(slot, { kind: "invalid", result: { id: id as string, ok: false, code: undefined, error } });
      else sendable.push(slot);
    }

    const chunks = chunk(sendable, MAX_IDS_PER_REQUEST);
    const send = chunkSender(ctx, op, params, body, perChunkOptions(options));
    const gate: PoolGate = {
      limit: () => limiter.limit(),
      delayMs: () => limiter.delayMs(Date.now()),
      started: () => limiter.started(Date.now()),
    };
    const sends = new Array<number>(chunks.length).fill(0);
    const started = await runPool(
      chunks.length,
      gate,
      async (index) => {
        const slots = chunks[index] as number[];
        const generation = limiter.generation();
        const sentAt = Date.now();
        // A 429 the transport retries itself is still a signal to slow down.
        const settled = await send(
          slots.map((slot) => ids.unique[slot] as string),
          (info) => {
            if (info.status === 429) limiter.rateLimited(generation, (info.retryAfter ?? 1) * 1000, Date.now());
            options.onRetry?.(info);
          },
        );
        const error = settled[0]?.result.error;
        if (error instanceof RateLimitError) {
          // Queued again in the pool, so the re-send waits for the pause and a free slot under the halved limit.
          limiter.rateLimited(generation, (error.retryAfter ?? 1) * 1000, Date.now());
          sends[index] = (sends[index] ?? 0) + 1;
          if ((sends[index] as number) < MAX_RATE_LIMITED_SENDS) return "again";
        } else if (settled[0]?.kind === "code") limiter.succeeded(Date.now() - sentAt);
        for (const [k, slot] of slots.entries()) settle(slot, settled[k] as Outcome);
        progress.report();
        return undefined;
      },
      options.signal,
    );

    // Only an abort leaves chunks unsettled (never started, or refused with 429 and not sent
    // again); their items fail with it rather than vanish.
    const unsettled = chunks.filter((slots) => outcomes[slots[0] as number] === undefined);
    if (unsettled.length > 0) {
      const notSent = redactedError(AbortError, `${op.method} ${op.path} (${operationId}): not sent, the caller aborted`, {
        operationId,
        method: op.method,
        cause: options.signal?.reason,
        secrets: ctx.secrets(),
      });
      for (const slots of unsettled) {
        for (const slot of slots) settle(slot, failed(ids.unique[slot] as string, notSent));
        progress.report();
      }
    }

    return {
      results: restore(
        ids,
        outcomes.map((outcome) => outcome.result),
        (result) => ({ ...result, duplicate: true }),
      ),
      summary: summarize(outcomes, input.length, started),
    };
  };
}

/** `user_id` goes to the path, the rest to the body; an `undefined` value is not sent, so not checked. */
function splitPayload(args: object, parameterNames: ReadonlySet<string>) {
  const params: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    if (parameterNames.has(key)) params[key] = value;
    else body[key] = value;
  }
  return { params, body };
}

/** Never rejects: every way a chunk can end becomes one outcome per ID. */
function chunkSender(
  ctx: ClientContext,
  op: CalledOperation,
  params: Record<string, unknown>,
  body: Record<string, unknown>,
  options: CallOptions,
): (ids: string[], onRetry?: CallOptions["onRetry"]) => Promise<Outcome[]> {
  return async (ids, onRetry) => {
    let data: unknown;
    try {
      data = await callOperation(ctx, op, { ...params, ...body, ids }, onRetry ? { ...options, onRetry } : options);
    } catch (error) {
      const shared = asError(error, op, ctx);
      return ids.map((id) => failed(id, shared));
    }
    const codes = codesById(data);
    return ids.map((id): Outcome => {
      const code = codes.get(id);
      if (code !== undefined) return { kind: "code", result: { id, ok: code === 204, code } };
      const message = `${op.method} ${op.path} (${op.operationId}): the API returned no result for this ID (${JSON.stringify(id)})`;
      return failed(id, redactedError(FaxPlusError, message, { operationId: op.operationId, method: op.method, secrets: ctx.secrets() }));
    });
  };
}

function failed(id: string, error: Error): Outcome {
  return { kind: "error", result: { id, ok: false, code: undefined, error } };
}

/** The per-call options each chunk passes on; `retry` only when the caller gave it (PUT is retried anyway). */
function perChunkOptions(options: BulkUpdateAllOptions): CallOptions {
  return {
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
    ...(options.headers !== undefined ? { headers: options.headers } : {}),
    ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
    ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
  };
}

/** The client's own errors are scrubbed where they are built, so only a non-Error needs wrapping. */
function asError(error: unknown, op: CalledOperation, ctx: ClientContext): Error {
  if (error instanceof Error) return error;
  return redactedError(FaxPlusError, `${op.method} ${op.path} (${op.operationId}) failed: ${String(error)}`, {
    operationId: op.operationId,
    method: op.method,
    cause: error,
    secrets: ctx.secrets(),
  });
}
