import type { Fax, Outbox, SendFaxResponse } from "@faxkit/types";
import type { CallOptions } from "../call-options.js";
import type { UploadSource } from "../files.js";
import type { OperationArgs } from "../operation-types.js";

/**
 * One document for `sendFiles`: the source alone, or with the name and type `files.upload` should
 * send (they also decide whether the type is one Fax.Plus accepts).
 *
 * @example
 * ```ts
 * const file: SendFile = { file: pdfBytes, fileName: "invoice.pdf", contentType: "application/pdf" };
 * ```
 */
export type SendFile<Source = UploadSource> = Source | { file: Source; fileName?: string; contentType?: string };

/**
 * `sendFax`'s arguments, with documents in `files` instead of uploaded paths.
 * `return_ids` defaults to `true` here, so the result has the ids `waitForDelivery` takes.
 *
 * @example
 * ```ts
 * const args: SendFilesArgs = { from: "+12345667", to: ["+12345688"], files: [pdfBlob] };
 * ```
 */
export type SendFilesArgs<Source = UploadSource> = Omit<OperationArgs<"sendFax">, "files"> & {
  /** The documents, uploaded one by one in this order before the fax is sent. */
  files: readonly SendFile<Source>[];
};

/** Per-call options of every upload and of the send; `format` is how Fax.Plus stores the uploads. */
export interface SendFilesOptions extends CallOptions {
  /** The `format` each upload is stored in. */
  format?: "pdf" | "tiff";
}

/**
 * What `sendFiles` resolves with.
 *
 * @example
 * ```ts
 * const { ids, paths, result } = await fax.outbox.sendFiles({ from, to, files });
 * ```
 */
export interface SendFilesResult {
  /** `sendFax`'s answer. */
  result: SendFaxResponse;
  /** The uploaded paths, in the order of `files`. */
  paths: string[];
  /** The outbox ids of `result.ids` (one per destination), for `waitForDelivery`; empty with `return_ids: false`. */
  ids: string[];
}

/**
 * Options of `waitForDelivery`. `timeout` bounds the whole wait (not one request).
 *
 * @example
 * ```ts
 * await fax.outbox.waitForDelivery(ids, { timeout: 10 * 60_000, interval: 5_000, signal });
 * ```
 */
export interface WaitForDeliveryOptions {
  /** Stops the wait (and its current request). */
  signal?: AbortSignal;
  /** The whole wait, in ms; default 30 minutes. A finite number: the wait is always bounded. */
  timeout?: number;
  /** The first pause between polls, in ms (default 2,000); each pause is 1.5× the one before. */
  interval?: number;
  /** The longest pause between polls, in ms (default 30,000, at least `interval`). */
  maxInterval?: number;
  /** The account that sent the faxes (default: the client's `userId`). */
  user_id?: string;
}

/**
 * Where one fax stood when last polled. `stage`: `"outbox"` (queued or sending), `"fax"` (a fax
 * record, final when its status is), `"between"` (gone from the outbox, no fax record yet), or
 * `"unknown"` (not polled yet).
 *
 * @example
 * ```ts
 * const waiting = error.deliveries.filter((d: DeliveryState) => !d.final);
 * ```
 */
export interface DeliveryState {
  /** The outbox id, as given. */
  id: string;
  /** Where the fax was last seen (see above). */
  stage: "unknown" | "outbox" | "between" | "fax";
  /** The last status seen: an `OutboxStatus` in the outbox, a `FaxStatus` as a fax. */
  status: string | undefined;
  /** Whether `status` is final (delivered or failed for good). */
  final: boolean;
  /** The last record seen: the outbox entry, then the sent fax. */
  record: Outbox | Fax | undefined;
}

/** `fax.outbox.sendFiles` and `fax.outbox.waitForDelivery`. */
export interface OutboxWorkflows<Source = UploadSource> {
  /**
   * Checks the documents against the API's limits (nothing is uploaded if one fails), uploads
   * them one after the other, then sends once.
   *
   * @example
   * ```ts
   * const { ids } = await fax.outbox.sendFiles({ from: "+12345667", to: ["+12345688"], files: [pdfBlob] });
   * ```
   */
  sendFiles(args: SendFilesArgs<Source>, options?: SendFilesOptions): Promise<SendFilesResult>;
  /**
   * Polls until every fax has a final status; resolves with the fax records, one per id, in order.
   *
   * @example
   * ```ts
   * const [record] = await fax.outbox.waitForDelivery(ids, { timeout: 10 * 60_000 });
   * if (record?.status !== "success") console.warn(record?.status);
   * ```
   */
  waitForDelivery(ids: string | readonly string[], options?: WaitForDeliveryOptions): Promise<Fax[]>;
}
