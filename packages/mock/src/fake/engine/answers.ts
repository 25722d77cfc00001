import type { FakeResponse } from "../fake-types.js";

/** The API's `error` codes for the statuses the fake answers by itself (the spec's examples where it has them). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  429: "too_many_requests",
  500: "internal_server_error",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout",
};

/** The `error` code for `status`, in the API's snake_case style. */
export function errorCodeFor(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? "internal_server_error" : "invalid_request");
}

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
