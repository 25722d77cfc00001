import { quoteRequestText } from "../../internal/quote-request-text.js";

export type JsonBody = { ok: true; value: unknown } | { ok: false; description: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The request's JSON body: `undefined` when there are no bytes. Bytes that are not UTF-8 or
 * not JSON, or a content type that is not JSON, are a description for a 400. `JSON.parse`
 * makes a `"__proto__"` key an own property (no prototype is set), so the validator sees it
 * as the unknown property it is.
 *
 * @example
 * ```ts
 * parseJsonBody(new TextEncoder().encode('{"a":1}'), "application/json"); // { ok: true, value: { a: 1 } }
 * ```
 */
export function parseJsonBody(bytes: Uint8Array, contentType: string | undefined): JsonBody {
  if (bytes.byteLength === 0) return { ok: true, value: undefined };
  if (contentType !== undefined && contentType.trim() !== "" && !isJsonType(contentType))
    return { ok: false, description: `the request body must be application/json (got content-type ${quoteRequestText(contentType)})` };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, description: "the request body is not valid UTF-8" };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, description: `the request body is not valid JSON: ${quoteRequestText(String((error as Error).message))}` };
  }
}

function isJsonType(contentType: string): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || type.endsWith("+json");
}
