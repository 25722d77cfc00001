import type { Fax } from "@faxkit/client";
import type { Colors } from "./colors.js";
import { statusCell } from "./status-cell.js";
import { renderRecord, renderTable, trusted } from "./table.js";

/**
 * Fax records as a table: one row each, newest first as the API lists them.
 *
 * @example
 * ```ts
 * out.write(faxTable(color, records));
 * ```
 */
export function faxTable(color: Colors, records: readonly Fax[]): string {
  return renderTable(
    color,
    ["id", "direction", "from", "to", "status", "pages", "time (UTC)", "read"],
    records.map((fax) => [
      fax.id,
      fax.direction,
      fax.from,
      fax.to,
      statusCell(color, fax.status),
      fax.pages,
      fax.start_time,
      trusted(fax.is_read ? "yes" : color.bold("no")),
    ]),
  );
}

/**
 * One fax record, field by field.
 *
 * @example
 * ```ts
 * out.write(faxDetails(color, await fax.faxes.get({ fax_id })));
 * ```
 */
export function faxDetails(color: Colors, fax: Fax): string {
  return renderRecord(color, [
    ["id", fax.id],
    ["direction", fax.direction],
    ["from", fax.from],
    ["to", fax.to],
    ["status", statusCell(color, fax.status)],
    ["description", fax.description],
    ["pages", fax.pages],
    ["time (UTC)", fax.start_time],
    ["file name", fax.file_name],
    ["comment", fax.comment],
    ["read", trusted(fax.is_read ? "yes" : "no")],
    ["spam", trusted(fax.is_spam ? "yes" : "no")],
    ["cost", fax.cost],
  ]);
}
