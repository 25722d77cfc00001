/**
 * The bytes of a body Prism produced, by media type as Prism's own server writes them: JSON
 * types stringified, text as is, any other type only when it is already a string. A body that
 * cannot be written (an object for `text/plain`) is an error, which the caller answers with 500.
 */
export function serializeBody(payload: unknown, contentType: string | undefined): string | undefined {
  if (payload === undefined || payload === null) return payload === null && isJson(contentType) ? "null" : undefined;
  if (isJson(contentType)) return JSON.stringify(payload);
  if (typeof payload === "string") return payload;
  throw new Error(`cannot write a ${typeof payload} body as ${contentType ?? "a response without a content type"}`);
}

function isJson(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[^/]+\+json$/.test(mediaType);
}
