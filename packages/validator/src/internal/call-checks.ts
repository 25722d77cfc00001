import { FaxValidationError } from "../errors/FaxValidationError.js";
import { checkRequest } from "./check-request.js";
import { checkResponse, responseValidatorFor } from "./check-response.js";
import type { OperationValidators } from "./operation-lookup.js";
import type { DriftReport, ResponseValidator } from "./runtime.js";

/**
 * What the validation middleware does once an operation's validators are loaded. Loaded
 * with them on the first call (not with the middleware): this and the validator runtime
 * are most of the middleware's code, and an app that never makes a call need not pay.
 */

/** The part of openapi-fetch's middleware parameters the checks read. */
export interface CallParts {
  request: Request;
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
}

/** What a response check found: drift to report, and the error when the body breaks the spec. */
export interface IncomingOutcome {
  drift: DriftReport[];
  error?: FaxValidationError;
}

/** Reads a JSON body from a copy of a message; `undefined` when empty. */
async function readJson(message: Request | Response): Promise<{ value: unknown } | { error: string }> {
  const text = await message.clone().text();
  if (text === "") return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `body is not valid JSON (${(error as Error).message.split("\n")[0]})` };
  }
}

/** openapi-fetch passes `{ limit: undefined }` for an option left out; that is no value. */
function definedOnly(record: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (record === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}

/** Throws `FaxValidationError` when the request breaks the spec (issue paths `/params/…`, `/body/…`). */
export async function checkOutgoing(op: OperationValidators, { request, params }: CallParts): Promise<void> {
  const subject = { operationId: op.operationId, part: "request" };
  let body: unknown;
  if (op.body !== null && request.body !== null) {
    const read = await readJson(request);
    if ("error" in read) {
      throw new FaxValidationError([{ path: "/body", keyword: "json", schemaPath: "", message: `/body: ${read.error}` }], subject);
    }
    body = read.value;
  } else if (op.body === null && op.bodyContentType !== null && request.body !== null) {
    // A body that is not JSON (a multipart upload) is not inspected, but it is there.
    body = request.body;
  }
  const result = checkRequest(op, {
    params: { path: definedOnly(params?.path), query: definedOnly(params?.query), header: definedOnly(params?.header) },
    body,
  });
  if (!result.ok) throw new FaxValidationError(result.issues, subject);
}

/** Checks a response against what the spec documents for its status. */
export async function checkIncoming(op: OperationValidators, response: Response, tolerateDrift: boolean): Promise<IncomingOutcome> {
  const subject = { operationId: op.operationId, part: `response ${response.status}` };
  const validator = responseValidatorFor(op.responses as Record<string, ResponseValidator>, response.status);
  let body: unknown;
  // Binary bodies (PDF, TIFF) are not read: they may be large, and there is no schema for them.
  if (validator?.kind === "json" || validator?.kind === "empty") {
    const read = await readJson(response);
    if ("error" in read) {
      const issue = { path: "/", keyword: "json", schemaPath: "", message: "/: response body is not valid JSON" };
      return { drift: [], error: new FaxValidationError([issue], subject) };
    }
    body = read.value;
  }
  const result = checkResponse(op, response.status, body, { tolerateDrift });
  return result.ok ? { drift: result.drift } : { drift: result.drift, error: new FaxValidationError(result.issues, subject) };
}
