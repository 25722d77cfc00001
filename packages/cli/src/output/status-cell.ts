import type { Colors } from "./colors.js";
import { type TrustedCell, trusted } from "./table.js";
import { quoteForTerminal } from "./terminal-text.js";

const GOOD = new Set(["success", "ok", "204", "done", "read", "delivered", "cancelled"]);
const PENDING = new Set(["submitted", "converting", "scheduled_for_sending", "sending", "aborted"]);

/**
 * A status from the API (or the CLI), quoted, then coloured by what it means: green done,
 * yellow still pending, red anything else.
 *
 * @example
 * ```ts
 * renderTable(color, ["id", "status"], [[fax.id, statusCell(color, fax.status)]]);
 * ```
 */
export function statusCell(color: Colors, status: unknown): TrustedCell {
  const text = quoteForTerminal(status ?? "");
  if (GOOD.has(text)) return trusted(color.green(text));
  if (PENDING.has(text)) return trusted(color.yellow(text));
  return trusted(color.red(text));
}
