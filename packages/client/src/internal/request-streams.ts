let cached: boolean | undefined;

/**
 * Whether this runtime's `fetch` can send a `ReadableStream` as a request body (Node 18+,
 * Deno, Chromium 105+); Firefox and Safari cannot, and would send the text
 * `"[object ReadableStream]"` instead. The check is the one web.dev recommends: such a
 * runtime reads the `duplex` option and does not give the body a text Content-Type.
 * Cached after the first call with the global `Request`.
 *
 * @example
 * ```ts
 * const body = supportsRequestStreams() ? stream : await new Response(stream).blob();
 * ```
 */
export function supportsRequestStreams(RequestClass: typeof Request = globalThis.Request): boolean {
  const useCache = RequestClass === globalThis.Request;
  if (useCache && cached !== undefined) return cached;
  let duplexRead = false;
  let supported: boolean;
  try {
    const hasContentType = new RequestClass("http://localhost/", {
      method: "POST",
      body: new ReadableStream(),
      get duplex() {
        duplexRead = true;
        return "half";
      },
    } as RequestInit).headers.has("content-type");
    supported = duplexRead && !hasContentType;
  } catch {
    supported = false;
  }
  if (useCache) cached = supported;
  return supported;
}
