import { validateHeaderName, validateHeaderValue } from "node:http";
import { NOT_COPIED_HEADERS } from "./hop-by-hop.js";

/**
 * An engine's answer headers as node may write them: hop-by-hop ones dropped and any node
 * would throw on (a generated value with a newline, a name with a space) left out, so one bad
 * header does not cost the whole answer.
 *
 * @example
 * ```ts
 * writableHeaders({ "content-type": "application/json", connection: "close", "x-bad": "a\nb" }); // { "content-type": "application/json" }
 * ```
 */
export function writableHeaders(headers: Record<string, string>): Record<string, string> {
  const copied: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_COPIED_HEADERS.has(name.toLowerCase())) continue;
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
      copied[name] = value;
    } catch {
      // dropped: see above
    }
  }
  return copied;
}
