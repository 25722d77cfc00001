import type { ClientContext } from "../internal/client-context.js";
import { withFaxTimes } from "../internal/to-fax-time.js";
import type { BulkOperationId, BulkUpdateAllMethod } from "./bulk-update-all.js";
import type { CallOptions } from "./call-options.js";
import type { FilesApi } from "./files.js";
import { buildGenericResources, type GenericResources } from "./generic-resources.js";
import type { createListAll } from "./list-all.js";
import type { OperationArgs } from "./operation-types.js";
import type { OutboxWorkflows } from "./outbox/types.js";

/**
 * `faxes.list`'s arguments, where `after` / `before` may also be a `Date`.
 *
 * @example
 * ```ts
 * const args: FaxListArgs = { category: "sent", after: new Date(Date.now() - 86_400_000) };
 * ```
 */
export type FaxListArgs = Omit<OperationArgs<"listFaxes">, "after" | "before"> & {
  /** Inclusive: `YYYY-MM-DD HH:mm:ss` UTC, or a `Date` (milliseconds dropped). */
  after?: string | Date;
  /** Exclusive: `YYYY-MM-DD HH:mm:ss` UTC, or a `Date` (milliseconds dropped). */
  before?: string | Date;
};

/**
 * One method per operation, plus what the API lacks in one call (`bulkUpdateAll`, `listAll`)
 * and file methods that take and return documents rather than JSON.
 *
 * @example
 * ```ts
 * const api: ResourceApi = createFaxPlusClient({ token });
 * ```
 */
export type ResourceApi = Omit<GenericResources, "faxes" | "outbox" | "files"> & {
  /** Received and sent faxes (`listFaxes`, `getFax`, …), with listing across pages and bulk updates of any size. */
  readonly faxes: Omit<GenericResources["faxes"], "list"> & {
    /** `listFaxes`, with a `Date` also taken for `after` / `before`; an invalid `Date` is a `TypeError` at the call. */
    readonly list: (args?: FaxListArgs, options?: CallOptions) => ReturnType<GenericResources["faxes"]["list"]>;
    /** Any number of IDs, 100 per request; per-item results in input order. */
    readonly bulkUpdateAll: BulkUpdateAllMethod<"bulkUpdateFaxes">;
    /** Every fax in the window, across pages, without skipping or repeating any. */
    readonly listAll: ReturnType<typeof createListAll>;
  };
  /** Faxes waiting to be sent, with {@link OutboxWorkflows} (send files, wait for delivery). */
  readonly outbox: GenericResources["outbox"] &
    OutboxWorkflows & {
      /** Any number of outbox IDs, 100 per request; per-item results in input order. */
      readonly bulkUpdateAll: BulkUpdateAllMethod<"bulkUpdateOutboxFaxes">;
    };
  /** Upload documents and download faxes and their reports ({@link FilesApi}). */
  readonly files: FilesApi;
};

// Loaded on first use, each in its own chunk: an app that only lists and updates faxes does not
// download the bulk driver, its validators, the pager or the multipart encoder.
function lazyBulkUpdateAll<Id extends BulkOperationId>(ctx: ClientContext, operationId: Id): BulkUpdateAllMethod<Id> {
  return async (args, options) => (await import("./bulk-update-all.js")).createBulkUpdateAll(ctx, operationId)(args, options);
}

function lazyListAll(ctx: ClientContext): ReturnType<typeof createListAll> {
  return async function* listAll(args, options) {
    yield* (await import("./list-all.js")).createListAll(ctx)(args, options);
  };
}

/** Methods that load their module on first call: `load` is a static `import()`, so a bundler splits it out. */
function lazy<T>(load: () => Promise<T>, names: readonly (keyof T & string)[]): T {
  const methods: Record<string, unknown> = {};
  for (const name of names)
    methods[name] = async (first: never, options: never) => ((await load())[name] as (a: never, b: never) => unknown)(first, options);
  return methods as T;
}

export function buildResourceApi(ctx: ClientContext): ResourceApi {
  const generic = buildGenericResources(ctx);
  return {
    ...generic,
    faxes: {
      ...generic.faxes,
      // The generic call's own result (its `.withResponse()` included), not a new promise.
      list: (args, options) => generic.faxes.list(withFaxTimes(args, "faxes.list") as OperationArgs<"listFaxes">, options),
      bulkUpdateAll: lazyBulkUpdateAll(ctx, "bulkUpdateFaxes"),
      listAll: lazyListAll(ctx),
    },
    outbox: {
      ...generic.outbox,
      ...lazy(async () => (await import("./outbox/index.js")).createOutboxWorkflows(ctx), ["sendFiles", "waitForDelivery"]),
      bulkUpdateAll: lazyBulkUpdateAll(ctx, "bulkUpdateOutboxFaxes"),
    },
    files: lazy(async () => (await import("./files.js")).createFilesApi(ctx), ["upload", "download", "report"]),
  };
}
