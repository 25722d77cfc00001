import type { ClientContext } from "../internal/client-context.js";
import type { BulkOperationId, BulkUpdateAllMethod } from "./bulk-update-all.js";
import type { FilesApi } from "./files.js";
import { buildGenericResources, type GenericResources } from "./generic-resources.js";
import type { createListAll } from "./list-all.js";

/**
 * The resource API: one method per operation from the generated map, plus what the API
 * itself lacks — `bulkUpdateAll` beyond 100 IDs, `listAll` across pages — and file methods
 * that take and return documents rather than JSON.
 */
export type ResourceApi = Omit<GenericResources, "faxes" | "outbox" | "files"> & {
  readonly faxes: GenericResources["faxes"] & {
    /** Any number of IDs, in chunks of 100 with bounded concurrency; per-item results in input order. */
    readonly bulkUpdateAll: BulkUpdateAllMethod<"bulkUpdateFaxes">;
    /** Every fax in the window, across pages, without skipping or repeating any. */
    readonly listAll: ReturnType<typeof createListAll>;
  };
  readonly outbox: GenericResources["outbox"] & {
    /** Any number of outbox IDs, in chunks of 100 with bounded concurrency; per-item results in input order. */
    readonly bulkUpdateAll: BulkUpdateAllMethod<"bulkUpdateOutboxFaxes">;
  };
  readonly files: FilesApi;
};

/*
 * The helpers below are loaded on first use (dynamic `import()`): a bundler puts each in its own
 * chunk, so an app that only lists and updates faxes does not download the bulk driver, its
 * validators, the pager or the multipart encoder. Each module is fetched and evaluated once
 * (an `import()` of a module already loaded resolves to the same module).
 */
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

/** Builds the whole resource API over one client context. */
export function buildResourceApi(ctx: ClientContext): ResourceApi {
  const generic = buildGenericResources(ctx);
  return {
    ...generic,
    faxes: { ...generic.faxes, bulkUpdateAll: lazyBulkUpdateAll(ctx, "bulkUpdateFaxes"), listAll: lazyListAll(ctx) },
    outbox: { ...generic.outbox, bulkUpdateAll: lazyBulkUpdateAll(ctx, "bulkUpdateOutboxFaxes") },
    files: lazyFiles(ctx),
  };
}
