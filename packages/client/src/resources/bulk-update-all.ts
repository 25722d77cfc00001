// FaxValidationError is exported from the package root only. The root's ESM build is one
// module per file with `sideEffects: false`, so a bundler keeps just this class; and it is
// the same class callers import to `instanceof`-check (the CJS subpath bundles each carry
// their own copy, so taking it from an `assert.*` throw would break that check under CJS).
import { FaxValidationError, type ValidationIssue, type ValidationResult } from "@faxkit/validator";
// The `./validate` subpath: only the two schemas used here end up in a bundle.
import { BulkFaxUpdateRequest, BulkOutboxUpdateRequest } from "@faxkit/validator/validate";
import { AbortError, FaxPlusError } from "../errors/index.js";
import { type CalledOperation, calledOperation, callOperation, splitArguments } from "../internal/call-operation.js";
import type { ClientContext } from "../internal/client-context.js";
import { scrub } from "../internal/redact.js";
import type { CallOptions } from "./call-options.js";
import type { OperationArgs } from "./operation-types.js";

/**
 * IDs per request. The API documents "Maximum 100 fax IDs per request" (the spec's
 * `ids.maxItems: 100` on both bulk bodies) and rejects a longer list whole with 400, so
 * `bulkUpdateAll` cuts the IDs into chunks of this size.
 */
export const MAX_IDS_PER_REQUEST = 100;

/** Chunks in flight at once when the caller does not say: fast, without bursting into the rate limit. */
export const DEFAULT_BULK_CONCURRENCY = 4;

/** Which bulk operation `bulkUpdateAll` drives. */
export type BulkOperationId = "bulkUpdateFaxes" | "bulkUpdateOutboxFaxes";

/**
 * Options of `bulkUpdateAll`: the per-call options (`signal`, `timeout`, `maxRetries`,
 * `retry`, `headers`) apply to every chunk's request.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await fax.faxes.bulkUpdateAll(
 *   { ids, is_read: true },
 *   { concurrency: 2, timeout: 10_000, signal: controller.signal, onProgress: (p) => console.log(`${p.done}/${p.total}`) },
 * );
 * ```
 */
export interface BulkUpdateAllOptions extends CallOptions {
  /** Chunks in flight at once: a positive integer (default {@link DEFAULT_BULK_CONCURRENCY}); anything else is a `TypeError`. */
  concurrency?: number;
  /**
   * Called after each chunk settles (answered, failed, or not sent because of an abort), so
   * once per chunk. Not called when no chunk is sent (every ID rejected up front). An
   * exception it throws (or a promise it returns that rejects) is logged at `warn` and
   * ignored: it cannot lose results.
   */
  onProgress?: (progress: BulkProgress) => void;
}

/**
 * Progress after a chunk settles. IDs rejected before sending count as settled (and
 * failed) from the first call on, so the last call has `done === total`.
 *
 * @example
 * ```ts
 * onProgress: ({ done, total, failed }) => bar.update(done / total, { failed })
 * ```
 */
export interface BulkProgress {
  /** Unique IDs settled so far (sent and answered, or failed). */
  done: number;
  /** Unique IDs in total. */
  total: number;
  /** Unique IDs the API reported 204 for, so far. */
  succeeded: number;
  /** Unique IDs settled any other way, so far. */
  failed: number;
}

/**
 * Outcome for one input ID, in input order.
 *
 * @example
 * ```ts
 * { id: "66df09cf1d6d0b295c363956", ok: true, code: 204 }
 * { id: "66df09cf1d6d0b295c363957", ok: false, code: 404 }
 * { id: "x".repeat(33), ok: false, code: undefined, error: FaxValidationError } // never sent
 * { id: "66df09cf1d6d0b295c363958", ok: false, code: undefined, error: ServerError } // its chunk failed
 * { id: "66df09cf1d6d0b295c363956", ok: true, code: 204, duplicate: true }
 * ```
 */
export interface BulkItemResult {
  /** The ID as given (a non-string from untyped code is kept as is, so it can be matched). */
  id: string;
  /** True when the API reported 204 for this ID. */
  ok: boolean;
  /** The API's per-item code (204, 403, 404, 409, 500), or `undefined` when the item never got one. */
  code: number | undefined;
  /**
   * Why the item failed when there is no per-item code: a `FaxValidationError` for an ID
   * rejected before sending; the error of its whole chunk (`ServerError`, `ConnectionError`,
   * `TimeoutError`, `AbortError`, …, already redacted); or a `FaxPlusError` when the API's
   * answer did not mention the ID.
   */
  error?: Error;
  /** True for the second and later occurrences of an ID in the input (not sent again; result copied). */
  duplicate?: boolean;
}

/**
 * Result of `bulkUpdateAll`. Counts are of unique IDs (`succeeded + failed === unique`),
 * except `total`.
 *
 * @example
 * ```ts
 * const { results, summary } = await fax.faxes.bulkUpdateAll({ ids, is_read: true });
 * // summary: { total: 250, unique: 240, succeeded: 238, failed: 2, requests: 3, byCode: { "204": 238, "404": 1, invalid: 1 }, aborted: false }
 * const retry = results.filter((r) => !r.ok && !r.duplicate && r.code === undefined).map((r) => r.id);
 * ```
 */
export interface BulkUpdateAllResult {
  /** One entry per input ID, in input order (duplicates included, marked). */
  results: BulkItemResult[];
  summary: {
    /** Input IDs, duplicates included. */
    total: number;
    /** Unique IDs. */
    unique: number;
    /** Unique IDs the API reported 204 for. */
    succeeded: number;
    /** Unique IDs that did not succeed: another per-item code, rejected up front, or no per-item code (see `error`). */
    failed: number;
    /** Requests sent: one per chunk started (the transport's retries of a chunk are not counted again). */
    requests: number;
    /**
     * Count of unique IDs by outcome: "204", "404", …, "invalid" (rejected before sending),
     * "error" (no per-item code: the chunk failed, was not sent, or the API did not mention the ID).
     */
    byCode: Record<string, number>;
    /**
     * True when the caller's `signal` stopped at least one chunk: chunks not yet started are
     * not sent and chunks in flight are cut off, and every item of those carries an
     * `AbortError`. The call still resolves, so the results of the chunks that finished are kept.
     */
    aborted: boolean;
  };
}

/** The bulk operation's own arguments, with `ids` of any length (distributes over the "at least one of" union). */
export type BulkUpdateAllArgs<Id extends BulkOperationId> =
  OperationArgs<Id> extends infer A ? (A extends unknown ? Omit<A, "ids"> & { ids: readonly string[] } : never) : never;

/**
 * `fax.faxes.bulkUpdateAll` / `fax.outbox.bulkUpdateAll`: see {@link createBulkUpdateAll}.
 *
 * @example
 * ```ts
 * const { summary } = await fax.outbox.bulkUpdateAll({ ids: outboxIds, comment: "hold" });
 * ```
 */
export type BulkUpdateAllMethod<Id extends BulkOperationId> = (
  args: BulkUpdateAllArgs<Id>,
  options?: BulkUpdateAllOptions,
) => Promise<BulkUpdateAllResult>;

const VALIDATORS: Record<BulkOperationId, (value: unknown) => ValidationResult<unknown>> = {
  bulkUpdateFaxes: BulkFaxUpdateRequest,
  bulkUpdateOutboxFaxes: BulkOutboxUpdateRequest,
};

const METHOD_NAMES: Record<BulkOperationId, string> = {
  bulkUpdateFaxes: "faxes.bulkUpdateAll",
  bulkUpdateOutboxFaxes: "outbox.bulkUpdateAll",
};

/** How a unique ID ended up; `invalid` and `error` are the `byCode` keys of items without a per-item code. */
type Outcome = { result: BulkItemResult; kind: "code" | "invalid" | "error" };

/**
 * Builds `bulkUpdateAll` for one bulk operation: any number of IDs, sent in chunks of
 * {@link MAX_IDS_PER_REQUEST} with at most `concurrency` requests in flight.
 *
 * 1. Checks up front, before anything is sent: `concurrency` and `onProgress` (`TypeError`),
 *    the payload against the operation's body schema (`FaxValidationError` — e.g. neither
 *    `is_read` nor `comment`, a comment over 100 characters, an unknown property, `ids`
 *    missing, not an array or empty) and path parameters (`TypeError`, as every method).
 * 2. Drops duplicate IDs (later occurrences get a copy of the first's result, marked
 *    `duplicate: true`) and checks each ID in the body schema (`{ ...payload, ids: [id] }`):
 *    a bad one (over 32 characters, not a string) is a failed item with `code: undefined`
 *    and a `FaxValidationError` pointing at its input index, and is never sent. If every ID
 *    is rejected the call resolves with 0 requests.
 * 3. Sends the chunks. A chunk that still fails after the transport's retries gives each of
 *    its items that error; the other chunks go on. An ID the answer does not mention is a
 *    failure with an error saying so. Success is per-item code 204.
 *
 * Abort (`options.signal`): no new chunk starts, chunks in flight fail with the transport's
 * `AbortError`, chunks not started get an `AbortError` too — and the call RESOLVES with every
 * result and `summary.aborted: true`, so the outcome of the chunks that did finish is not lost.
 *
 * @example
 * ```ts
 * const { results, summary } = await fax.faxes.bulkUpdateAll(
 *   { ids: faxIds, is_read: true },
 *   { concurrency: 4, onProgress: ({ done, total }) => console.log(`${done}/${total}`) },
 * );
 * for (const item of results) if (!item.ok) console.warn(item.id, item.code ?? item.error?.message);
 * console.log(summary.byCode); // { "204": 248, "404": 1, invalid: 1 }
 * ```
 */
export function createBulkUpdateAll<Id extends BulkOperationId>(ctx: ClientContext, operationId: Id): BulkUpdateAllMethod<Id> {
  const op = calledOperation(operationId);
  const validate = VALIDATORS[operationId];
  const name = METHOD_NAMES[operationId];
  const parameterNames = new Set([...op.pathParams, ...op.queryParams, ...op.headerParams]);

  return async (args, options = {}) => {
    const concurrency = checkConcurrency(name, options.concurrency);
    const onProgress = options.onProgress;
    if (onProgress !== undefined && typeof onProgress !== "function")
      throw new TypeError(`${name}: onProgress must be a function (got ${describe(onProgress)})`);

    // Parameters (user_id) go to the path; the rest is the body, checked as the API would.
    const params: Record<string, unknown> = {};
    const body: Record<string, unknown> = {};
    const isObject = args !== null && typeof args === "object" && !Array.isArray(args);
    if (isObject) {
      for (const [key, value] of Object.entries(args as Record<string, unknown>)) {
        if (value === undefined) continue; // not sent, so not checked either
        if (parameterNames.has(key)) params[key] = value;
        else body[key] = value;
      }
    }
    const ids = body.ids;
    checkPayload(validate, operationId, isObject ? body : args, ids);
    await splitArguments(op, params, ctx.userId); // a bad user_id is a TypeError now, not 1 per chunk

    // Unique IDs in order of first appearance; slotOf maps each input index to its unique slot.
    const input = ids as readonly unknown[];
    const slotOf = new Array<number>(input.length);
    const firstIndexOf: number[] = [];
    const slotById = new Map<unknown, number>();
    for (let index = 0; index < input.length; index++) {
      const id = input[index];
      let slot = slotById.get(id);
      if (slot === undefined) {
        slot = firstIndexOf.length;
        slotById.set(id, slot);
        firstIndexOf.push(index);
      }
      slotOf[index] = slot;
    }
    const uniqueIds = firstIndexOf.map((index) => input[index]);

    const outcomes = new Array<Outcome | undefined>(uniqueIds.length);
    let succeeded = 0;
    let failed = 0;
    let done = 0;
    const settle = (slot: number, outcome: Outcome) => {
      outcomes[slot] = outcome;
      done++;
      if (outcome.result.ok) succeeded++;
      else failed++;
    };

    const sendable: number[] = [];
    for (let slot = 0; slot < uniqueIds.length; slot++) {
      const id = uniqueIds[slot];
      const check = validate({ ...body, ids: [id] });
      if (check.ok) sendable.push(slot);
      else {
        const error = new FaxValidationError(atInputIndex(check.issues, firstIndexOf[slot] as number), { operationId, part: "request" });
        settle(slot, { kind: "invalid", result: { id: id as string, ok: false, code: undefined, error } });
      }
    }

    const chunks: number[][] = [];
    for (let start = 0; start < sendable.length; start += MAX_IDS_PER_REQUEST)
      chunks.push(sendable.slice(start, start + MAX_IDS_PER_REQUEST));

    const callOptions = perChunkOptions(options);
    const signal = options.signal;
    let requests = 0;
    let aborted = false;

    const report = () => {
      if (!onProgress) return;
      const warn = (error: unknown) =>
        ctx.logger.warn(`${name}: onProgress threw; ignored, the bulk update goes on`, {
          operationId,
          error: scrub(error instanceof Error ? `${error.name}: ${error.message}` : String(error), ctx.secrets()),
        });
      try {
        const returned: unknown = onProgress({ done, total: uniqueIds.length, succeeded, failed });
        // An async callback's rejection would otherwise be unhandled.
        if (returned !== null && typeof returned === "object" && typeof (returned as PromiseLike<unknown>).then === "function")
          Promise.resolve(returned).catch(warn);
      } catch (error) {
        warn(error);
      }
    };

    const failChunk = (chunk: readonly number[], error: Error) => {
      if (error instanceof AbortError) aborted = true;
      for (const slot of chunk)
        settle(slot, { kind: "error", result: { id: uniqueIds[slot] as string, ok: false, code: undefined, error } });
    };

    // Never throws: every way a chunk can end becomes per-item results.
    const runChunk = async (chunk: readonly number[]) => {
      const chunkIds = chunk.map((slot) => uniqueIds[slot]);
      requests++;
      let data: unknown;
      try {
        data = await callOperation(ctx, op, { ...params, ...body, ids: chunkIds }, callOptions);
      } catch (error) {
        failChunk(chunk, asError(error, op, ctx));
        return;
      }
      const codes = codesById(data);
      for (const slot of chunk) {
        const id = uniqueIds[slot] as string;
        const code = codes.get(id);
        if (code === undefined) {
          const error = new FaxPlusError(
            `${op.method} ${op.path} (${operationId}): the API returned no result for this ID (${JSON.stringify(id)})`,
            {
              operationId,
              method: op.method,
              secrets: ctx.secrets(),
            },
          );
          settle(slot, { kind: "error", result: { id, ok: false, code: undefined, error } });
        } else settle(slot, { kind: "code", result: { id, ok: code === 204, code } });
      }
    };

    let next = 0;
    const worker = async () => {
      // The signal is checked before each chunk: an abort stops new chunks, in-flight ones end with the transport.
      while (next < chunks.length && !signal?.aborted) {
        const chunk = chunks[next++] as number[];
        await runChunk(chunk);
        report();
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));

    if (next < chunks.length) {
      // Only an abort leaves chunks unstarted; their items fail with it rather than vanish.
      const notSent = new AbortError(`${op.method} ${op.path} (${operationId}): not sent, the caller aborted`, {
        operationId,
        method: op.method,
        cause: signal?.reason,
        secrets: ctx.secrets(),
      });
      for (; next < chunks.length; next++) {
        failChunk(chunks[next] as number[], notSent);
        report();
      }
    }

    const byCode: Record<string, number> = {};
    for (const outcome of outcomes) {
      if (outcome === undefined) continue; // unreachable: every slot is settled above
      const key = outcome.kind === "code" ? String(outcome.result.code) : outcome.kind;
      byCode[key] = (byCode[key] ?? 0) + 1;
    }
    const results = input.map((_, index): BulkItemResult => {
      const slot = slotOf[index] as number;
      const result = (outcomes[slot] as Outcome).result;
      return firstIndexOf[slot] === index ? result : { ...result, duplicate: true };
    });
    return {
      results,
      summary: { total: input.length, unique: uniqueIds.length, succeeded, failed, requests, byCode, aborted },
    };
  };
}

function checkConcurrency(name: string, value: unknown): number {
  if (value === undefined) return DEFAULT_BULK_CONCURRENCY;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
    throw new TypeError(`${name}: concurrency must be a positive integer (got ${describe(value)})`);
  return value;
}

/**
 * Throws `FaxValidationError` for a payload the API would reject whatever the IDs: checked
 * with the first ID in place of the list, so a problem of that one ID is left to the per-ID
 * check (issues under `/ids/0`) while a list that is missing, not an array or empty is
 * reported as it is.
 */
function checkPayload(validate: (value: unknown) => ValidationResult<unknown>, operationId: string, body: unknown, ids: unknown): void {
  let issues: readonly ValidationIssue[];
  if (Array.isArray(ids) && ids.length > 0 && body !== null && typeof body === "object") {
    const check = validate({ ...body, ids: [ids[0]] });
    issues = check.ok ? [] : check.issues.filter((issue) => !(issue.path === "/ids/0" || issue.path.startsWith("/ids/0/")));
  } else {
    const check = validate(body);
    // The schema accepts a missing/empty/non-array `ids` in no case; the fallback keeps the promise to throw.
    issues = check.ok ? [{ path: "/ids", keyword: "minItems", schemaPath: "", message: "/ids: must have at least 1 item" }] : check.issues;
  }
  if (issues.length > 0) throw new FaxValidationError(issues, { operationId, part: "request" });
}

/** Issues of `{ ...payload, ids: [id] }` moved from `/ids/0` to the ID's index in the caller's list. */
function atInputIndex(issues: readonly ValidationIssue[], index: number): ValidationIssue[] {
  const at = (text: string) => (text.startsWith("/ids/0") ? `/ids/${index}${text.slice("/ids/0".length)}` : text);
  return issues.map((issue) => ({ ...issue, path: at(issue.path), message: at(issue.message) }));
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

/**
 * Per-item codes of an answer, by ID. Read leniently: an entry without a string `id` and a
 * numeric `code` is skipped (its ID then reports "no result"), and the first entry for an
 * ID wins, so an odd answer can never fail the whole call.
 */
function codesById(data: unknown): Map<string, number> {
  const codes = new Map<string, number>();
  const results = data !== null && typeof data === "object" ? (data as { results?: unknown }).results : undefined;
  if (!Array.isArray(results)) return codes;
  for (const entry of results) {
    if (entry === null || typeof entry !== "object") continue;
    const { id, code } = entry as { id?: unknown; code?: unknown };
    if (typeof id === "string" && typeof code === "number" && Number.isFinite(code) && !codes.has(id)) codes.set(id, code);
  }
  return codes;
}

/**
 * Whatever a chunk threw, as an Error. Every error the client throws is scrubbed of its
 * credentials where it is built (transport, status errors), so it is attached as is; a
 * non-Error is wrapped.
 */
function asError(error: unknown, op: CalledOperation, ctx: ClientContext): Error {
  if (error instanceof Error) return error;
  return new FaxPlusError(`${op.method} ${op.path} (${op.operationId}) failed: ${String(error)}`, {
    operationId: op.operationId,
    method: op.method,
    cause: error,
    secrets: ctx.secrets(),
  });
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return String(value);
}
