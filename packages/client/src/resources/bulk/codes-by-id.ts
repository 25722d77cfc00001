/**
 * Per-item codes of a bulk answer, by ID. Read leniently: an entry without a string `id` and
 * a finite numeric `code` is skipped (its ID then reports "no result"), and the first entry
 * for an ID wins, so an odd answer can never fail the whole call.
 */
export function codesById(data: unknown): Map<string, number> {
  const codes = new Map<string, number>();
  const results = data !== null && typeof data === "object" ? (data as { results?: unknown }).results : undefined;
  if (!Array.isArray(results)) return codes;
  for (const entry of results) {
    if (entry === null || typeof entry !== "object") continue;
    const { id, code } = entry as { id?: unknown; code?: unknown };
    if (typeof id === "string" && typeof code === "number" && Number.isFinite(code) && !codes.has(id)) codes.set(id, code);
  }
  return codes;
}
