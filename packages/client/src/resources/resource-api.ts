import type { ClientContext } from "../internal/client-context.js";
import { type BulkUpdateAllMethod, createBulkUpdateAll } from "./bulk-update-all.js";
import { createFilesApi, type FilesApi } from "./files.js";
import { buildGenericResources, type GenericResources } from "./generic-resources.js";
import { createListAll } from "./list-all.js";

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

/** Builds the whole resource API over one client context. */
export function buildResourceApi(ctx: ClientContext): ResourceApi {
  const generic = buildGenericResources(ctx);
  return {
    ...generic,
    faxes: { ...generic.faxes, bulkUpdateAll: createBulkUpdateAll(ctx, "bulkUpdateFaxes"), listAll: createListAll(ctx) },
    outbox: { ...generic.outbox, bulkUpdateAll: createBulkUpdateAll(ctx, "bulkUpdateOutboxFaxes") },
    files: createFilesApi(ctx),
  };
}
