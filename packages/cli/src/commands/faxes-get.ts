import type { CommandContext } from "../internal/context.js";
import { faxDetails } from "../output/fax-table.js";
import { jsonDocument } from "../output/json-output.js";

/**
 * `faxplus faxes get <id>`: one fax record.
 *
 * @example
 * ```sh
 * faxplus faxes get 66df09cf1d6d0b295c363956
 * ```
 */
export async function faxesGet(ctx: CommandContext, id: string): Promise<void> {
  const fax = await ctx.client();
  const record = await fax.faxes.get({ fax_id: id });
  ctx.io.stdout.write(ctx.json ? jsonDocument(record) : faxDetails(ctx.color, record));
}
