/**
 * Makes a bulk answer name the IDs that were sent. Prism answers `bulkUpdateFaxes` and
 * `bulkUpdateOutboxFaxes` with the spec's static example, whose single result names an ID of
 * its own; the real API answers with one result per (unique) ID sent. So for a successful
 * answer carrying a `results` list, to a JSON request carrying an `ids` list, the mock
 * returns one `{ id, code }` per unique ID, in request order, each with the code of the
 * example's first result (204 in the Fax.Plus spec). Anything else passes through unchanged.
 *
 * @example
 * ```ts
 * echoBulkResults('{"ids":["a","b","a"],"is_read":true}', '{"results":[{"id":"x","code":204}]}');
 * // '{"results":[{"id":"a","code":204},{"id":"b","code":204}]}'
 * ```
 */
export function echoBulkResults(requestBody: string, responseBody: string): string | undefined {
  let sent: unknown;
  let answer: unknown;
  try {
    sent = JSON.parse(requestBody);
    answer = JSON.parse(responseBody);
  } catch {
    return undefined;
  }
  if (!isRecord(sent) || !Array.isArray(sent.ids) || !sent.ids.every((id) => typeof id === "string")) return undefined;
  if (!isRecord(answer) || !Array.isArray(answer.results)) return undefined;
  const first = answer.results[0];
  const code = isRecord(first) && typeof first.code === "number" ? first.code : 204;
  const ids = [...new Set(sent.ids as string[])];
  return JSON.stringify({ ...answer, results: ids.map((id) => ({ id, code })) });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
