import { AbortError, DeliveryTimeoutError, type Fax, type SendFilesResult } from "@faxkit/client";
import { CommandFailure } from "../internal/CommandFailure.js";
import type { CommandContext } from "../internal/context.js";
import { EXIT } from "../internal/exit-codes.js";
import { listenForInterrupt } from "../internal/interrupt.js";
import { jsonDocument } from "../output/json-output.js";
import { spinner } from "../output/spinner.js";
import { statusCell } from "../output/status-cell.js";
import { renderTable } from "../output/table.js";
import { quoteForTerminal } from "../output/terminal-text.js";

export interface SendOptions {
  from: string;
  to: string[];
  wait?: boolean;
  waitTimeout: number;
  pollInterval: number;
  comment?: string;
}

/**
 * `faxplus send --from <n> --to <n>… <files…> [--wait]`: uploads the files and sends them once
 * (`sendFiles`); with `--wait`, polls (`waitForDelivery`) behind a spinner until every fax has a
 * final status. Exit 1 when a fax was not delivered, 130 when Ctrl-C stops the wait.
 *
 * @example
 * ```sh
 * faxplus send --from +15550000001 --to +15550000002 invoice.pdf --wait
 * ```
 */
export async function send(ctx: CommandContext, files: readonly string[], options: SendOptions): Promise<void> {
  const fax = await ctx.client();
  const sent = await fax.outbox.sendFiles({
    from: options.from,
    to: options.to,
    files: [...files],
    ...(options.comment === undefined ? {} : { comment: { text: options.comment } }),
  });
  if (!options.wait) {
    printQueued(ctx, sent);
    return;
  }
  if (!ctx.json)
    ctx.note(
      `faxplus: queued ${sent.ids.length} ${sent.ids.length === 1 ? "fax" : "faxes"}: ${sent.ids.map((id) => quoteForTerminal(id)).join(", ")}`,
    );
  const records = await waitFor(ctx, sent.ids, options);
  printDelivered(ctx, sent, records);
}

async function waitFor(ctx: CommandContext, ids: string[], options: SendOptions): Promise<Fax[]> {
  const fax = await ctx.client();
  const wait = spinner(ctx, "waiting for delivery");
  const interrupt = listenForInterrupt();
  try {
    const records = await fax.outbox.waitForDelivery(ids, {
      timeout: options.waitTimeout,
      interval: options.pollInterval,
      signal: interrupt.signal,
    });
    const delivered = records.every((record) => record.status === "success");
    wait.done(delivered ? "delivered" : "not delivered", delivered);
    return records;
  } catch (error) {
    wait.done("stopped waiting", false);
    const pending = `the fax stays queued; follow it with faxplus outbox list (ids: ${ids.map((id) => quoteForTerminal(id)).join(", ")})`;
    if (error instanceof AbortError && interrupt.signal.aborted) throw new CommandFailure(`interrupted: ${pending}`, EXIT.interrupted);
    if (error instanceof DeliveryTimeoutError) {
      const where = error.deliveries.map((d) => `${quoteForTerminal(d.id)} ${quoteForTerminal(d.status ?? d.stage)}`).join(", ");
      throw new CommandFailure(`not final after ${Math.round(options.waitTimeout / 1000)} s (${where}); ${pending}`);
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
}

function destinationOf(sent: SendFilesResult, id: string): string {
  return Object.entries(sent.result.ids ?? {}).find(([, value]) => value === id)?.[0] ?? "";
}

function printQueued(ctx: CommandContext, sent: SendFilesResult): void {
  if (ctx.json) {
    ctx.io.stdout.write(jsonDocument({ ids: sent.ids, destinations: sent.result.ids ?? {}, files: sent.paths }));
    return;
  }
  const rows = sent.ids.map((id) => [id, destinationOf(sent, id), statusCell(ctx.color, "submitted")]);
  ctx.io.stdout.write(renderTable(ctx.color, ["id", "to", "status"], rows));
}

function printDelivered(ctx: CommandContext, sent: SendFilesResult, records: readonly Fax[]): void {
  if (ctx.json)
    ctx.io.stdout.write(jsonDocument({ ids: sent.ids, destinations: sent.result.ids ?? {}, files: sent.paths, faxes: records }));
  else
    ctx.io.stdout.write(
      renderTable(
        ctx.color,
        ["id", "to", "status", "pages"],
        records.map((record) => [record.id, record.to, statusCell(ctx.color, record.status), record.pages]),
      ),
    );
  const failed = records.filter((record) => record.status !== "success").length;
  if (failed > 0)
    throw new CommandFailure(`${failed} of ${records.length} ${records.length === 1 ? "fax was" : "faxes were"} not delivered`);
}
