import type { Fax, FaxCategory } from "@faxkit/client";
import type { CommandContext } from "../internal/context.js";
import { parseSince } from "../internal/since-date.js";
import { faxTable } from "../output/fax-table.js";
import { jsonDocument } from "../output/json-output.js";

/** Most records `--all` gathers unless `--max` says otherwise: the list is held in memory to print. */
export const DEFAULT_MAX_RECORDS = 10_000;

export interface FaxesListOptions {
  category?: FaxCategory;
  all?: boolean;
  since?: string;
  limit: number;
  max: number;
}

/**
 * `faxplus faxes list`: one page (`--limit`, up to 50), or with `--all` every fax in the window
 * through `listAll`, up to `--max` records.
 *
 * @example
 * ```sh
 * faxplus faxes list --category inbox --all --since 2026-01-01 --json
 * ```
 */
export async function faxesList(ctx: CommandContext, options: FaxesListOptions): Promise<void> {
  const after = options.since === undefined ? undefined : parseSince(options.since);
  const fax = await ctx.client();
  const window = { ...(options.category ? { category: options.category } : {}), ...(after ? { after } : {}) };
  let records: Fax[];
  let truncated = false;
  if (options.all) {
    records = [];
    for await (const record of fax.faxes.listAll(window)) {
      if (records.length >= options.max) {
        truncated = true;
        break;
      }
      records.push(record);
    }
  } else {
    const page = await fax.faxes.list({ ...window, limit: options.limit });
    records = page.data?.records ?? [];
  }
  if (truncated) ctx.note(ctx.errColor.yellow(`faxplus: stopped at ${options.max} records; pass --max to gather more`));
  if (ctx.json) {
    ctx.io.stdout.write(jsonDocument({ records, truncated }));
    return;
  }
  if (records.length === 0) {
    ctx.out("No faxes.");
    return;
  }
  ctx.io.stdout.write(faxTable(ctx.color, records));
  ctx.out(`${records.length} ${records.length === 1 ? "fax" : "faxes"}`);
}
