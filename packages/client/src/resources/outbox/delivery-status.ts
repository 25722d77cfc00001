import type { Fax, FaxStatus, Outbox, OutboxStatus } from "@faxkit/types";
import type { DeliveryState } from "./types.js";

// Every FaxStatus, each marked final: a status added to the spec fails to compile here until someone decides.
const FINAL: { readonly [S in FaxStatus]: true } = {
  success: true,
  partially_sent: true,
  partially_received: true,
  insufficient_credit: true,
  failed: true,
  failed_internal_process_error: true,
  failed_user_busy: true,
  failed_no_answer: true,
  failed_unallocated_number: true,
  failed_office_converter_issue: true,
  failed_separate_file_pages_issue: true,
  failed_render_header_issue: true,
  failed_invalid_number_format: true,
  failed_mimetype_not_supported: true,
  failed_destination_not_supported: true,
  failed_image_preparation: true,
  failed_to_send: true,
  failed_normal_temporary_failure: true,
  failed_unknown_converter_issue: true,
  failed_normal_clearing: true,
  failed_convert_to_tiff_issue: true,
  failed_fs_49: true,
  failed_fs_2: true,
};

/**
 * Every `FaxStatus` of the spec is final: a fax record exists only once its transmission ended
 * (`success`, `partially_sent`, `insufficient_credit`, `failed` and the `failed_*` reasons; the
 * spec calls the enum "Final or current status of a fax transmission", and lists no in-progress
 * value). `partially_received` is an incoming fax's. No `OutboxStatus` (`submitted`,
 * `converting`, `scheduled_for_sending`, `sending`) is final: the outbox holds faxes "that have
 * not been sent yet". A status outside these lists (a newer API) is not taken as final, so the
 * wait goes on, bounded by its timeout.
 *
 * @example
 * ```ts
 * FINAL_FAX_STATUSES.has("failed_no_answer"); // true
 * ```
 */
export const FINAL_FAX_STATUSES: ReadonlySet<string> = new Set(Object.keys(FINAL));

/** The stages a fax passes through in the outbox; none is final. */
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ["submitted", "converting", "scheduled_for_sending", "sending"];

/**
 * THE ASSUMPTION, made here only: the docs say "an outgoing fax has an outbox id while queued
 * and a fax id once sent" and that `sendFax` with `return_ids` maps each destination to "its
 * outbox/fax id", but not how the two ids relate, and no field links an outbox entry to its
 * fax record. We assume they are the SAME id: once an outbox entry is gone (404 from
 * `getOutboxFax`, or absent from `listOutboxFaxes`), the fax record is `getFax` with that id.
 * Until that record appears (404), the fax is "between" and polling goes on. If Fax.Plus ever
 * documents a different link, this function is the one place to change.
 *
 * @example
 * ```ts
 * await fax.faxes.get({ fax_id: faxIdForOutboxId(outboxId) });
 * ```
 */
export function faxIdForOutboxId(outboxId: string): string {
  return outboxId;
}

export function outboxState(id: string, record: Outbox): DeliveryState {
  return { id, stage: "outbox", status: typeof record.status === "string" ? record.status : undefined, final: false, record };
}

export function faxState(id: string, record: Fax): DeliveryState {
  const status = typeof record.status === "string" ? record.status : undefined;
  return { id, stage: "fax", status, final: status !== undefined && FINAL_FAX_STATUSES.has(status), record };
}
