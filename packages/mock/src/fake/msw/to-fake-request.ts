import type { ApiErrorBody } from "../../internal/api-error.js";
import { tooLarge } from "../../internal/body-limit.js";
import { errorCodeFor } from "../../internal/error-codes.js";
import { checkTargetEncoding } from "../../internal/request-target.js";
import type { FakeRequest } from "../fake-types.js";

/** A request the engine may see, or the answer that refuses it. */
export type RequestConversion = { ok: true; request: FakeRequest } | { ok: false; status: number; body: ApiErrorBody };

/**
 * A Fetch API `Request` (what MSW hands a handler) as the engine takes it, with the same
 * boundary as the HTTP server: a target that does not decode is refused with `400`, a body
 * over `maxBodyBytes` with `413`, declared or counted while it streams (the rest is
 * cancelled, never buffered).
 *
 * @example
 * ```ts
 * const converted = await toFakeRequest(new Request("https://restapi.fax.plus/v3/accounts/self"), 1024);
 * // { ok: true, request: { method: "GET", path: "/v3/accounts/self", query: "", headers: {}, body: Uint8Array(0) } }
 * ```
 */
export async function toFakeRequest(request: Request, maxBodyBytes: number): Promise<RequestConversion> {
  const url = new URL(request.url);
  const target = checkTargetEncoding(`${url.pathname}${url.search}`);
  if (!target.ok) return { ok: false, status: 400, body: { error: "invalid_request", description: target.description } };
  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== undefined && declared > maxBodyBytes) return refusedAsTooLarge(maxBodyBytes, declared);
  const body = await readBounded(request.body, maxBodyBytes);
  if (body === undefined) return refusedAsTooLarge(maxBodyBytes, declared);
  return {
    ok: true,
    request: {
      method: request.method.toUpperCase(),
      path: target.path,
      query: target.rawQuery,
      headers: headerRecord(request.headers),
      body,
    },
  };
}

function refusedAsTooLarge(maxBodyBytes: number, declared: number | undefined): RequestConversion {
  return { ok: false, status: 413, body: { error: errorCodeFor(413), description: tooLarge(maxBodyBytes, declared) } };
}

function declaredLength(header: string | null): number | undefined {
  if (header === null) return undefined;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/** The body's bytes, or `undefined` once the count passes `maxBytes` (the stream is then cancelled). */
async function readBounded(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | undefined> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (read > maxBytes) {
      // Not awaited: a body MSW's interceptor feeds may never settle its cancel.
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(read);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Lower-case names, one string each; a header the Fetch API lists more than once (`set-cookie`) joined with `, `. */
function headerRecord(headers: Headers): Record<string, string> {
  const joined = new Map<string, string>();
  headers.forEach((value, name) => {
    const before = joined.get(name);
    joined.set(name, before === undefined ? value : `${before}, ${value}`);
  });
  // fromEntries defines own properties, so a header named `__proto__` stays a header.
  return Object.fromEntries(joined);
}
