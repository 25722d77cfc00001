import type { ClientContext } from "../internal/client-context.js";
import type { BulkOperationId, BulkUpdateAllMethod } from "./bulk-update-all.js";
import type { FilesApi } from "./files.js";
import { buildGenericResources, type GenericResources } from "./generic-resources.js";
import type { createListAll } from "./list-all.js";

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
  readonly faxes: GenericResources["faxes"] & {
    /** Any number of IDs, 100 per request; per-item results in input order. */
    readonly bulkUpdateAll: BulkUpdateAllMethod<"bulkUpdateFaxes">;
    /** Every fax in the window, across pages, without skipping or repeating any. */
    readonly listAll: ReturnType<typeof createListAll>;
  };
  readonly outbox: GenericResources["outbox"] & {
    /** Any number of outbox IDs, 100 per request; per-item results in input order. */
    readonly bulkUpdateAll: BulkUpdateAllMethod<"bulkUpdateOutboxFaxes">;
  };
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

function lazyFiles(ctx: ClientContext): FilesApi {
  const files = async () => (await import("./files.js")).createFilesApi(ctx);
  const methods: Record<string, unknown> = {};
  for (const name of ["upload", "download", "report"] as const)
    methods[name] = async (first: never, options: never) => (await files())[name](first, options);
  return methods as unknown as FilesApi;
}

export function buildResourceApi(ctx: ClientContext): ResourceApi {
  const generic = buildGenericResources(ctx);
  return {
    ...generic,
    faxes: { ...generic.faxes, bulkUpdateAll: lazyBulkUpdateAll(ctx, "bulkUpdateFaxes"), listAll: lazyListAll(ctx) },
    outbox: { ...generic.outbox, bulkUpdateAll: lazyBulkUpdateAll(ctx, "bulkUpdateOutboxFaxes") },
    files: lazyFiles(ctx),
  };
}
