import type { CommandContext } from "../internal/context.js";
import { jsonDocument } from "../output/json-output.js";
import { renderRecord } from "../output/table.js";

/**
 * `faxplus whoami`: the account the credentials belong to.
 *
 * @example
 * ```sh
 * FAXPLUS_TOKEN=… faxplus whoami --json | jq -r .email
 * ```
 */
export async function whoami(ctx: CommandContext): Promise<void> {
  const fax = await ctx.client();
  const account = await fax.accounts.get();
  if (ctx.json) {
    ctx.io.stdout.write(jsonDocument(account));
    return;
  }
  const name = [account.name, account.lastname].filter((part) => part !== undefined && part !== "").join(" ");
  ctx.io.stdout.write(
    renderRecord(ctx.color, [
      ["name", name],
      ["email", account.email],
      ["user id", account.uid],
      ["account type", account.account_type],
      ["status", account.status],
    ]),
  );
}
