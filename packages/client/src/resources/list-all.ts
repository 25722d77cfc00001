import type { Fax, FaxCategory } from "@faxkit/types";
import { PaginationError } from "../errors/index.js";
import { type CalledOperation, calledOperation, callOperation } from "../internal/call-operation.js";
import type { ClientContext } from "../internal/client-context.js";
import { describeValue } from "../internal/describe-value.js";
import { FAX_TIME_FORMAT, formatFaxTime, parseFaxTime } from "../internal/fax-time.js";
import { redactedError } from "../internal/redacted-error.js";
import { toFaxTime } from "../internal/to-fax-time.js";
import type { CallOptions } from "./call-options.js";

/** Arguments of `fax.faxes.listAll`. */
export interface ListAllArgs {
  /** All folders when absent. */
  category?: FaxCategory;
  /** Inclusive: `YYYY-MM-DD HH:mm:ss` UTC, or a `Date` (milliseconds dropped). */
  after?: string | Date;
  /** Exclusive: `YYYY-MM-DD HH:mm:ss` UTC, or a `Date` (milliseconds dropped). */
  before?: string | Date;
  /** Records per request, 1–50 (default 50); a request repeating a second asks for more, up to 50. */
  pageSize?: number;
  /** The account to list (default: the client's `userId`). */
  user_id?: string;
}

const MAX_PAGE_SIZE = 50;

const ARGUMENT_NAMES: readonly string[] = ["category", "after", "before", "pageSize", "user_id"];

interface Plan {
  category: FaxCategory | undefined;
  after: string | undefined;
  before: string | undefined;
  /** `after` / `before` in seconds since the epoch. */
  afterSeconds: number | undefined;
  beforeSeconds: number | undefined;
  pageSize: number;
  userId: string | undefined;
}

/**
 * `fax.faxes.listAll`: every fax in the window, newest first, without skipping or repeating one.
 *
 * The API has no page token: it pages by time, to the second, with an exclusive `before`. So
 * after a full page ending at second T, the next request asks for `before` = T + 1 s (second T
 * again, `limit` raised by the faxes of T already yielded) and skips the IDs already yielded
 * at T. When 50 or more faxes share a second, no request can get past it: what was obtained is
 * yielded, then a `PaginationError` names that second. Requests are sent only as the iterator
 * is consumed.
 *
 * @example
 * ```ts
 * for await (const record of fax.faxes.listAll({ category: "inbox", after: "2024-01-01 00:00:00" })) console.log(record.id);
 * for await (const record of fax.faxes.listAll({ category: "sent", after: new Date(Date.now() - 86_400_000) })) console.log(record.id);
 * ```
 */
export function createListAll(ctx: ClientContext): (args?: ListAllArgs, options?: CallOptions) => AsyncIterableIterator<Fax> {
  const op = calledOperation("listFaxes"); // once per client, not per page
  return function listAll(args?: ListAllArgs, options?: CallOptions): AsyncIterableIterator<Fax> {
    return listPages(ctx, op, plan(args), options);
  };
}

function plan(args: ListAllArgs | undefined): Plan {
  if (args !== undefined && (args === null || typeof args !== "object" || Array.isArray(args)))
    throw new TypeError(`listAll: the argument must be an object (got ${describeValue(args)})`);
  const given = { ...(args as Record<string, unknown> | undefined) };
  for (const key of Object.keys(given)) {
    if (given[key] === undefined || ARGUMENT_NAMES.includes(key)) continue;
    const hint = key === "limit" ? ' (the number of records per request is "pageSize")' : "";
    throw new TypeError(`listAll: unknown argument "${key}"${hint}; it takes ${ARGUMENT_NAMES.join(", ")}`);
  }
  const afterSeconds = timeArgument(given, "after");
  const beforeSeconds = timeArgument(given, "before");
  const pageSize = given.pageSize ?? MAX_PAGE_SIZE;
  if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new TypeError(`listAll: "pageSize" must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${describeValue(pageSize)})`);
  return {
    category: given.category as FaxCategory | undefined,
    after: given.after as string | undefined,
    before: given.before as string | undefined,
    afterSeconds,
    beforeSeconds,
    pageSize,
    userId: given.user_id as string | undefined,
  };
}

/** A `Date` becomes the API's time in `args` (milliseconds dropped); what it was given is checked either way. */
function timeArgument(args: Record<string, unknown>, name: "after" | "before"): number | undefined {
  if (args[name] instanceof Date) args[name] = dateArgument(args[name], name);
  const value = args[name];
  if (value === undefined) return undefined;
  const seconds = parseFaxTime(value);
  if (seconds === undefined)
    throw new TypeError(
      `listAll: "${name}" must be a UTC time formatted ${FAX_TIME_FORMAT}, e.g. "2024-01-31 23:59:59" (got ${describeValue(value)})`,
    );
  return seconds;
}

function dateArgument(date: Date, name: "after" | "before"): string {
  return toFaxTime(date, `listAll: "${name}"`);
}

async function* listPages(
  ctx: ClientContext,
  op: CalledOperation,
  args: Plan,
  options: CallOptions | undefined,
): AsyncGenerator<Fax, void, undefined> {
  if (args.afterSeconds !== undefined && args.beforeSeconds !== undefined && args.afterSeconds >= args.beforeSeconds) return;
  let before = args.before;
  let beforeSeconds = args.beforeSeconds;
  let limit = args.pageSize;
  // The second the last full page ended in, and the IDs yielded in it: the next request covers it again.
  let boundary: number | undefined;
  let seenAtBoundary = new Set<string>();
  // Records without a usable start_time cannot be placed in time: remembered to yield them once.
  const unplaced = new Set<string>();

  for (;;) {
    const query = { user_id: args.userId, category: args.category, after: args.after, before, limit };
    const records = recordsOf(await callOperation(ctx, op, query, options));

    let oldest: number | undefined;
    let newest: number | undefined;
    const fresh: Fax[] = [];
    for (const record of records) {
      const time = parseFaxTime(record.start_time);
      const id = typeof record.id === "string" ? record.id : undefined;
      if (time === undefined) {
        if (id !== undefined && unplaced.has(id)) continue;
        if (id !== undefined) unplaced.add(id);
      } else {
        oldest = oldest === undefined ? time : Math.min(oldest, time);
        newest = newest === undefined ? time : Math.max(newest, time);
        if (time === boundary && id !== undefined && seenAtBoundary.has(id)) continue;
      }
      fresh.push(record);
    }
    if (newest !== undefined && beforeSeconds !== undefined && newest >= beforeSeconds)
      throw redactedError(
        PaginationError,
        `listAll: listFaxes returned a fax from ${formatFaxTime(newest)} UTC when asked for faxes before ${before}; ` +
          "stopped rather than risk repeating faxes",
        { operationId: "listFaxes", method: "GET" },
      );

    const full = records.length >= limit;
    // Before yielding (the consumer may stop at any yield): the IDs the next request will return again.
    if (full && oldest !== undefined) {
      const ids = oldest === boundary ? seenAtBoundary : new Set<string>();
      for (const record of records) if (typeof record.id === "string" && parseFaxTime(record.start_time) === oldest) ids.add(record.id);
      boundary = oldest;
      seenAtBoundary = ids;
    }

    yield* fresh;
    if (!full) return;

    if (oldest === undefined || newest === undefined)
      throw redactedError(
        PaginationError,
        `listAll: none of the ${records.length} records of a full page has a start_time formatted ${FAX_TIME_FORMAT}, ` +
          "so there is no time to ask for the next page before; they were yielded, but older faxes cannot be listed. " +
          'Narrow the window with "before" / "after" to list the rest.',
        { operationId: "listFaxes", method: "GET" },
      );
    const oneSecond = newest === oldest;
    // A full page in one second: that second holds at least `limit` faxes — or as many as were seen in it.
    if (oneSecond && (limit >= MAX_PAGE_SIZE || seenAtBoundary.size >= MAX_PAGE_SIZE))
      throw crowdedSecond(formatFaxTime(oldest), args.category);

    // Second `oldest` again. Its faxes already yielded come back first, so ask for that many more than
    // pageSize (else a page could hold nothing new); after a page all in one second, for all the API allows.
    before = formatFaxTime(oldest + 1);
    beforeSeconds = oldest + 1;
    limit = oneSecond ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, args.pageSize + seenAtBoundary.size);
  }
}

function recordsOf(body: unknown): Fax[] {
  const records = (body as { data?: { records?: unknown } } | undefined)?.data?.records;
  if (!Array.isArray(records) || records.some((record) => record === null || typeof record !== "object" || Array.isArray(record)))
    throw redactedError(
      PaginationError,
      "listAll: listFaxes answered without a data.records array of fax objects, so there is nothing to page from",
      {
        operationId: "listFaxes",
        method: "GET",
      },
    );
  return records as Fax[];
}

function crowdedSecond(second: string, category: FaxCategory | undefined): PaginationError {
  const split =
    category === undefined ? '; listing one category at a time ("inbox", "sent", "spam") may split that second into groups that fit' : "";
  return redactedError(
    PaginationError,
    `listAll: ${MAX_PAGE_SIZE} or more faxes share the second ${second} UTC, and listFaxes cannot page within a second ` +
      `(no page token, "before" / "after" have one-second resolution, at most ${MAX_PAGE_SIZE} records per request), ` +
      `so any beyond the ${MAX_PAGE_SIZE} returned for that second cannot be listed. Every fax after that second has been yielded, ` +
      `and those of it the API returned. To go on with older faxes, call listAll again with before: "${second}"${split}.`,
    { operationId: "listFaxes", method: "GET", boundary: second },
  );
}
