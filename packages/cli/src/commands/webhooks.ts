import type { Webhook } from "@faxkit/client";
import type { CommandContext } from "../internal/context.js";
import { UsageError } from "../internal/UsageError.js";
import { jsonDocument } from "../output/json-output.js";
import { renderTable } from "../output/table.js";
import { quoteForTerminal } from "../output/terminal-text.js";

/** The events a webhook can subscribe to (the spec's `WebhookEventType`). */
export const WEBHOOK_EVENTS = ["fax_received", "fax_sent", "fax_page_received"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * `faxplus webhooks list [--event e]`: the API lists one event at a time, so without `--event`
 * every event is asked for and the lists are joined.
 *
 * @example
 * ```sh
 * faxplus webhooks list --event fax_received
 * ```
 */
export async function webhooksList(ctx: CommandContext, event: WebhookEvent | undefined): Promise<void> {
  const fax = await ctx.client();
  const hooks: Webhook[] = [];
  for (const name of event ? [event] : WEBHOOK_EVENTS) hooks.push(...((await fax.webhooks.list({ event: name })).data ?? []));
  if (ctx.json) {
    ctx.io.stdout.write(jsonDocument({ hooks }));
    return;
  }
  if (hooks.length === 0) {
    ctx.out("No webhooks.");
    return;
  }
  ctx.io.stdout.write(
    renderTable(
      ctx.color,
      ["id", "event", "target"],
      hooks.map((hook) => [hook.id, hook.event, hook.target]),
    ),
  );
}

/**
 * `faxplus webhooks create --url <u> --event <e>`.
 *
 * @example
 * ```sh
 * faxplus webhooks create --url https://example.com/hooks/fax --event fax_received
 * ```
 */
export async function webhooksCreate(ctx: CommandContext, options: { url: string; event: WebhookEvent }): Promise<void> {
  checkTarget(options.url);
  const fax = await ctx.client();
  const { id } = await fax.webhooks.create({ target: options.url, event: options.event });
  if (ctx.json) ctx.io.stdout.write(jsonDocument({ id, target: options.url, event: options.event }));
  else ctx.out(`Created webhook ${quoteForTerminal(id)} (${options.event} → ${quoteForTerminal(options.url)})`);
}

/**
 * `faxplus webhooks delete <id>`.
 *
 * @example
 * ```sh
 * faxplus webhooks delete 1a2b3c
 * ```
 */
export async function webhooksDelete(ctx: CommandContext, id: string): Promise<void> {
  const fax = await ctx.client();
  await fax.webhooks.delete({ hook_id: id });
  if (ctx.json) ctx.io.stdout.write(jsonDocument({ id, deleted: true }));
  else ctx.out(`Deleted webhook ${quoteForTerminal(id)}`);
}

function checkTarget(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`webhooks create: --url must be an absolute URL (got ${JSON.stringify(url.slice(0, 80))})`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new UsageError("webhooks create: --url must be an http or https URL");
}
