import type { IncomingHttpHeaders } from "node:http";
import { quoteRequestText } from "./quote-request-text.js";

export type BodyParse = { ok: true; value: unknown } | { ok: false; description: string };

/**
 * The body as Prism validates it: `null` when there is none, the parsed value for a JSON
 * media type (`application/json`, `application/*+json`), the UTF-8 text for anything else
 * (a multipart upload is validated from its text). A JSON body that does not parse is
 * refused here, with the start of what was sent.
 *
 * @example
 * ```ts
 * requestBody({ "content-type": "application/json" }, Buffer.from('{"a":1}')); // { ok: true, value: { a: 1 } }
 * ```
 */
export function requestBody(headers: IncomingHttpHeaders, body: Buffer): BodyParse {
  if (body.length === 0) return { ok: true, value: null };
  const text = body.toString("utf8");
  if (!isJsonMediaType(headers["content-type"])) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, description: `the request body is not valid JSON; it starts with ${quoteRequestText(text, 40)}` };
  }
}

function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[^/]+\+json$/.test(mediaType);
}
