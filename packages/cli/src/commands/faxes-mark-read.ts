import { AbortError, type BulkItemResult, type BulkUpdateAllResult } from "@faxkit/client";
import { CommandFailure } from "../internal/CommandFailure.js";
import type { CommandContext } from "../internal/context.js";
import { EXIT } from "../internal/exit-codes.js";
import { listenForInterrupt } from "../internal/interrupt.js";
import { readIds } from "../internal/stdin-ids.js";
import { UsageError } from "../internal/UsageError.js";
import { jsonDocument } from "../output/json-output.js";
import { progressBar } from "../output/progress-bar.js";
import { statusCell } from "../output/status-cell.js";
import { renderTable } from "../output/table.js";

/** Rows a table shows in full; past it, only the failures (up to this many): `--json` has them all. */
export const MAX_TABLE_ROWS = 100;

export interface MarkReadOptions {
  concurrency: number;
}

/** One input ID's outcome, as printed. */
interface ItemLine {
  id: string;
  result: "read" | "failed" | "aborted";
  code: number | null;
  error: string | null;
  duplicate: boolean;
}

/**
 * `faxplus faxes mark-read <ids…|->`: `bulkUpdateAll` with `is_read: true`, IDs from the
 * arguments and/or stdin (`-`), a progress bar on a terminal's stderr, per-item results. Ctrl-C
 * stops sending; what was settled is printed and the exit code is 130.
 *
 * @example
 * ```sh
 * faxplus faxes list --all --category inbox --json | jq -r '.records[] | select(.is_read|not) | .id' | faxplus faxes mark-read -
 * ```
 */
export async function faxesMarkRead(ctx: CommandContext, args: readonly string[], options: MarkReadOptions): Promise<void> {
  const ids = await collectIds(ctx, args);
  const fax = await ctx.client();
  const bar = progressBar(ctx, "mark-read", new Set(ids).size);
  const interrupt = listenForInterrupt();
  let result: BulkUpdateAllResult;
  try {
    result = await fax.faxes.bulkUpdateAll(
      { ids, is_read: true },
      {
        concurrency: options.concurrency,
        signal: interrupt.signal,
        onProgress: ({ done, succeeded, failed }) => bar.update(done, { succeeded, failed }),
      },
    );
  } finally {
    bar.stop();
    interrupt.dispose();
  }
  report(ctx, result);
}

async function collectIds(ctx: CommandContext, args: readonly string[]): Promise<string[]> {
  if (args.filter((arg) => arg === "-").length > 1) throw new UsageError("mark-read: give - (stdin) at most once");
  const ids: string[] = [];
  for (const arg of args) {
    if (arg === "-") ids.push(...(await readIds(ctx.io.stdin)));
    else ids.push(arg);
  }
  if (ids.length === 0) throw new UsageError("mark-read: no IDs given (as arguments, or one per line on stdin with -)");
  return ids;
}

function itemLine(item: BulkItemResult): ItemLine {
  // Aborted: no answer before Ctrl-C; a request already in flight may still have been applied.
  const aborted = item.error instanceof AbortError;
  return {
    id: item.id,
    result: item.ok ? "read" : aborted ? "aborted" : "failed",
    code: item.code ?? null,
    error: item.ok || aborted ? null : (item.error?.message ?? null),
    duplicate: item.duplicate === true,
  };
}

function report(ctx: CommandContext, { results, summary }: BulkUpdateAllResult): void {
  const items = results.map(itemLine);
  const aborted = items.filter((item) => item.result === "aborted" && !item.duplicate).length;
  const failed = summary.failed - aborted;
  const counts = { total: summary.total, unique: summary.unique, read: summary.succeeded, failed, aborted, requests: summary.requests };
  if (ctx.json)
    ctx.io.stdout.write(jsonDocument({ summary: { ...counts, byCode: summary.byCode, interrupted: summary.aborted }, results: items }));
  else ctx.io.stdout.write(itemTable(ctx, items));
  const line = `marked ${counts.read} of ${counts.unique} read, ${failed} failed${summary.aborted ? `, ${aborted} aborted (no answer before Ctrl-C)` : ""}`;
  if (summary.aborted) throw new CommandFailure(`interrupted: ${line}`, EXIT.interrupted);
  if (failed > 0) throw new CommandFailure(line);
  ctx.note(ctx.errColor.green(`faxplus: ${line}`));
}

function itemTable(ctx: CommandContext, items: readonly ItemLine[]): string {
  const shown = items.length <= MAX_TABLE_ROWS ? items : items.filter((item) => item.result === "failed").slice(0, MAX_TABLE_ROWS);
  const rows = shown.map((item) => [item.id, statusCell(ctx.color, item.result), item.code ?? "", item.error ?? ""]);
  const table = rows.length === 0 ? "" : renderTable(ctx.color, ["id", "result", "code", "error"], rows);
  const hidden = items.length - shown.length;
  return hidden > 0
    ? `${table}${hidden} of ${items.length} rows not shown (past ${MAX_TABLE_ROWS} IDs only failures are listed; --json lists every ID)\n`
    : table;
}
