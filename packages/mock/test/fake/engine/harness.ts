import type { OperationId } from "@faxkit/types";
import { validateResponse } from "@faxkit/validator";
import { expect } from "vitest";
import { createFakeEngine, type FakeEngineOptions } from "../../../src/fake/engine/create-fake-engine.js";
import type { FakeEngine, FakeResponse } from "../../../src/fake/fake-types.js";

export const AUTH = { authorization: "Bearer test-token" };

export interface CallOptions {
  query?: string;
  /** JSON-serialised unless bytes or a string. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the Authorization header. */
  anonymous?: boolean;
  /** Check the answer against the spec (default: when the status is one the operation documents). */
  validateAs?: OperationId | false;
}

export interface Answer extends FakeResponse {
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the fake answered
  json: any;
  bytes: Uint8Array | undefined;
}

const encoder = new TextEncoder();

function bodyBytes(body: unknown): { bytes: Uint8Array; json: boolean } {
  if (body === undefined) return { bytes: new Uint8Array(), json: false };
  if (body instanceof Uint8Array) return { bytes: body, json: false };
  if (typeof body === "string") return { bytes: encoder.encode(body), json: true };
  return { bytes: encoder.encode(JSON.stringify(body)), json: true };
}

/**
 * Sends one request to the engine and parses the answer. With `validateAs`, the answer must
 * validate against the spec strictly (tolerateDrift: false), whatever its status.
 */
export async function call(engine: FakeEngine, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const { bytes, json } = bodyBytes(options.body);
  const headers: Record<string, string> = {
    ...(options.anonymous ? {} : AUTH),
    ...(json ? { "content-type": "application/json" } : {}),
    ...options.headers,
  };
  const response = await engine.answer({ method, path, query: options.query ?? "", headers, body: bytes });
  const text = typeof response.body === "string" ? response.body : undefined;
  const answer: Answer = {
    ...response,
    json: text === undefined ? undefined : JSON.parse(text),
    bytes: response.body instanceof Uint8Array ? response.body : undefined,
  };
  if (options.validateAs) expectValid(options.validateAs, answer);
  return answer;
}

/** The answer validates against what the spec documents for its status, with no drift tolerated. */
export function expectValid(operationId: OperationId, answer: Answer): void {
  const body = answer.json ?? answer.bytes;
  const result = validateResponse(operationId, answer.status, body, { tolerateDrift: false });
  expect(result.ok ? [] : result.issues.map((issue) => issue.message), `${operationId} ${answer.status} answer validates`).toEqual([]);
  if (answer.json !== undefined) expect(answer.headers["content-type"]).toBe("application/json");
}

export function newEngine(options: FakeEngineOptions = {}): FakeEngine {
  return createFakeEngine(options);
}

/** A multipart/form-data body with one `fax_file` part. */
export function multipartUpload(file: Uint8Array, fileName = "doc.pdf", type = "application/pdf", boundary = "faxkit-boundary-1") {
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="fax_file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + file.length + tail.length);
  body.set(head, 0);
  body.set(file, head.length);
  body.set(tail, head.length + file.length);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads `file` and returns its path. */
export async function upload(engine: FakeEngine, file: Uint8Array, fileName = "doc.pdf"): Promise<string> {
  const { body, headers } = multipartUpload(file, fileName);
  const answer = await call(engine, "POST", "/v3/accounts/self/files", { body, headers, validateAs: "uploadFile" });
  expect(answer.status).toBe(200);
  return answer.json.path;
}

/** A small PDF-looking document with distinct bytes. */
export function pdfBytes(marker = "x"): Uint8Array {
  return encoder.encode(`%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n% ${marker}\n%%EOF\n`);
}

/** A fetch that answers from the engine, as a front end would: for driving @faxkit/client against it. */
export function engineFetch(engine: FakeEngine): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = new Uint8Array(await request.arrayBuffer());
    const answer = await engine.answer({ method: request.method, path: url.pathname, query: url.search.slice(1), headers, body });
    if (answer.fault === "reset") throw new TypeError("fetch failed: connection reset by the fake");
    return new Response(answer.status === 204 ? null : (answer.body as BodyInit | undefined), {
      status: answer.status,
      headers: answer.headers,
    });
  };
}
