import type { IncomingMessage } from "node:http";

export type BodyRead =
  | { ok: true; body: Buffer }
  | { ok: false; reason: "too_large"; read: number; declared: number | undefined }
  | { ok: false; reason: "aborted" };

/**
 * Reads a request body of at most `maxBytes`. A `Content-Length` above the limit is refused
 * before a byte is read; a chunked body is counted while it streams and refused at the first
 * chunk that crosses the limit, so memory never holds more than `maxBytes` per request,
 * whatever the client sends. A client that goes away mid-body gives `aborted`.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > maxBytes) return Promise.resolve({ ok: false, reason: "too_large", read: 0, declared });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let read = 0;
    const finish = (result: BodyRead) => {
      req.off("data", onData).off("end", onEnd).off("error", onGone).off("close", onGone);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0; // drop what was kept: the request is refused
      req.pause();
      finish({ ok: false, reason: "too_large", read, declared });
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, read) });
    const onGone = () => finish({ ok: false, reason: "aborted" });
    req.on("data", onData).on("end", onEnd).on("error", onGone).on("close", onGone);
  });
}

/** The declared `Content-Length` (node has already refused a malformed one), or `undefined` for a chunked or empty request. */
function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers["content-length"];
  if (header === undefined) return undefined;
  const length = Number(header);
  return Number.isSafeInteger(length) ? length : Number.POSITIVE_INFINITY;
}
