import Table from "cli-table3";
import type { Colors } from "./colors.js";
import { quoteForTerminal } from "./terminal-text.js";

/** A cell: any value from the API; it is quoted for the terminal here and nowhere else. */
export type Cell = unknown;

/** A cell the CLI wrote itself (a status word it coloured): printed as it is. */
export interface TrustedCell {
  trusted: string;
}

function cellText(cell: Cell | TrustedCell): string {
  if (cell !== null && typeof cell === "object" && "trusted" in cell && typeof (cell as TrustedCell).trusted === "string")
    return (cell as TrustedCell).trusted;
  return quoteForTerminal(cell);
}

/**
 * A table for people: a bold header, quoted cells, no colours of cli-table3's own (it would not
 * honour NO_COLOR), ending in a newline.
 *
 * @example
 * ```ts
 * out.write(renderTable(color, ["id", "status"], records.map((r) => [r.id, r.status])));
 * ```
 */
export function renderTable(color: Colors, head: readonly string[], rows: readonly (readonly (Cell | TrustedCell)[])[]): string {
  const table = new Table({ head: head.map((name) => color.bold(name)), style: { head: [], border: [] } });
  for (const row of rows) table.push(row.map(cellText));
  return `${table.toString()}\n`;
}

/**
 * A two-column table of one record's fields, in the order given.
 *
 * @example
 * ```ts
 * out.write(renderRecord(color, [["id", fax.id], ["status", fax.status]]));
 * ```
 */
export function renderRecord(color: Colors, fields: readonly (readonly [string, Cell | TrustedCell])[]): string {
  const table = new Table({ style: { head: [], border: [] } });
  for (const [name, value] of fields) table.push({ [color.bold(name)]: cellText(value) });
  return `${table.toString()}\n`;
}

/** A cell the CLI built from its own words. */
export function trusted(text: string): TrustedCell {
  return { trusted: text };
}
