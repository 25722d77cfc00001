import type { CommandContext } from "../internal/context.js";
import { jsonDocument } from "../output/json-output.js";
import { statusCell } from "../output/status-cell.js";
import { renderTable } from "../output/table.js";

/**
 * `faxplus outbox list`: faxes queued and not sent yet.
 *
 * @example
 * ```sh
 * faxplus outbox list --json | jq -r '.records[].id'
 * ```
 */
export async function outboxList(ctx: CommandContext): Promise<void> {
  const fax = await ctx.client();
  const { records } = await fax.outbox.list();
  if (ctx.json) {
    ctx.io.stdout.write(jsonDocument({ records }));
    return;
  }
  if (records.length === 0) {
    ctx.out("The outbox is empty.");
    return;
  }
  const rows = records.map((entry) => [
    entry.id,
    statusCell(ctx.color, entry.status),
    (entry.to ?? []).join(", "),
    entry.page_count,
    entry.submit_time,
  ]);
  ctx.io.stdout.write(renderTable(ctx.color, ["id", "status", "to", "pages", "submitted (UTC)"], rows));
}
