let cached: boolean | undefined;

/**
 * Firefox and Safari would send the text `"[object ReadableStream]"` as the body. A runtime that
 * can stream reads the `duplex` option and gives the body no text Content-Type.
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
