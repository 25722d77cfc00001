import type { CommandContext } from "../internal/context.js";
import { jsonDocument } from "../output/json-output.js";
import { quoteForTerminal } from "../output/terminal-text.js";

/**
 * `faxplus outbox cancel <id>`: deletes a fax from the outbox before it is sent.
 *
 * @example
 * ```sh
 * faxplus outbox cancel 66df09cf1d6d0b295c363956
 * ```
 */
export async function outboxCancel(ctx: CommandContext, id: string): Promise<void> {
  const fax = await ctx.client();
  await fax.outbox.delete({ outbox_fax_id: id });
  if (ctx.json) ctx.io.stdout.write(jsonDocument({ id, cancelled: true }));
  else ctx.out(`Cancelled ${quoteForTerminal(id)}`);
}
