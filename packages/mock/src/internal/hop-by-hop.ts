/**
 * Headers an engine's answer must not pass on: the hop-by-hop ones (RFC 9110 §7.6.1), which
 * describe one connection, and `content-length`, which each front end computes from the body.
 */
export const NOT_COPIED_HEADERS: ReadonlySet<string> = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "content-length",
]);
