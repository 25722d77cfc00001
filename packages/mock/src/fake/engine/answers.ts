import { errorCodeFor } from "../../internal/error-codes.js";
import type { FakeResponse } from "../fake-types.js";

export { errorCodeFor };

/** A JSON answer. */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** An answer in the API's error shape (the spec's `Error`: two strings, nothing more). */
export function errorAnswer(
  status: number,
  description: string,
  error = errorCodeFor(status),
  headers?: Record<string, string>,
): FakeResponse {
  return jsonAnswer(status, { error, description }, headers);
}

/** 204, no body. */
export function noContent(): FakeResponse {
  return { status: 204, headers: {}, body: undefined };
}

/** A document download. */
export function bytesAnswer(bytes: Uint8Array, contentType: string, fileName: string): FakeResponse {
  return {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    },
    body: bytes,
  };
}
