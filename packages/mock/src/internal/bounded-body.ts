import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApiErrorBody, errorCodeFor, sendApiError } from "./api-error.js";
import { tooLarge } from "./body-limit.js";
import { readBody } from "./read-body.js";
import { refuseUnreadBody } from "./refuse-unread-body.js";

/**
 * Reads the request body within `maxBodyBytes`, answering `100 Continue` only when the declared
 * length fits. Over the limit it answers `413` in the API's error shape itself (the rest of the
 * body is never kept) and gives `undefined`, as it does when the client went away mid-body:
 * either way the caller has nothing left to answer.
 *
 * @example
 * ```ts
 * const body = await readBoundedBody(req, res, { maxBodyBytes: 1024, expectsContinue: false });
 * if (body === undefined) return; // answered (413) or nobody to answer
 * ```
 */
export async function readBoundedBody(
  req: IncomingMessage,
  res: ServerResponse,
  options: { maxBodyBytes: number; expectsContinue: boolean },
): Promise<Buffer | undefined> {
  if (options.expectsContinue && !declaresTooMuch(req, options.maxBodyBytes)) res.writeContinue();
  const read = await readBody(req, options.maxBodyBytes);
  if (read.ok) return read.body;
  if (read.reason === "too_large")
    refuseUnreadBody(req, res, 413, { error: errorCodeFor(413), description: tooLarge(options.maxBodyBytes, read.declared) });
  return undefined;
}

/** An answer sent before the body was read closes the connection, so the unread body is never parsed as the next request. */
export function refuseBeforeBody(req: IncomingMessage, res: ServerResponse, status: number, body: ApiErrorBody): void {
  if (hasBody(req)) refuseUnreadBody(req, res, status, body);
  else sendApiError(res, status, body);
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || (req.headers["content-length"] ?? "0") !== "0";
}

function declaresTooMuch(req: IncomingMessage, maxBodyBytes: number): boolean {
  return Number(req.headers["content-length"] ?? 0) > maxBodyBytes;
}
