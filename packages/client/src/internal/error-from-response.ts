import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  FaxPlusError,
  type FaxPlusErrorInit,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ServerError,
} from "../errors/index.js";
import type { CalledOperation } from "./call-operation.js";
import { redactUrl } from "./redact.js";
import { type RedactedErrorInit, redactedError } from "./redacted-error.js";
import { parseRetryAfter } from "./retry-after.js";
import { scrub } from "./scrub.js";

export interface ErrorResponseContext {
  operationId?: string;
  method: string;
  url: string;
  secrets: readonly string[];
}

const MESSAGE_BODY_LIMIT = 200;

async function readBody(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return "";
  }
}

function apiError(raw: string): { code?: string; description?: string } {
  if (raw.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  const { error, description } = parsed as { error?: unknown; description?: unknown };
  return {
    ...(typeof error === "string" && error !== "" ? { code: error } : {}),
    ...(typeof description === "string" && description !== "" ? { description } : {}),
  };
}

function classFor(status: number): new (message: string, init: FaxPlusErrorInit) => FaxPlusError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    default:
      return status >= 500 && status <= 599 ? ServerError : FaxPlusError;
  }
}

/** Never throws: a body that cannot be read counts as empty. Loaded with the first error only. */
export async function errorFromResponse(response: Response, context: ErrorResponseContext): Promise<FaxPlusError> {
  const raw = await readBody(response);
  const { code, description } = apiError(raw);
  const { status } = response;
  const method = context.method.toUpperCase();

  let detail: string;
  if (code !== undefined) detail = description === undefined ? ` ${code}` : ` ${code}: ${description}`;
  else if (description !== undefined) detail = `: ${description}`;
  else {
    // Scrub before cutting, so the cut never leaves part of a secret.
    const collapsed = scrub(raw, context.secrets).replace(/\s+/g, " ").trim();
    detail =
      collapsed === ""
        ? " (empty body)"
        : `: ${collapsed.length > MESSAGE_BODY_LIMIT ? `${collapsed.slice(0, MESSAGE_BODY_LIMIT)}…` : collapsed}`;
  }
  const operation = context.operationId === undefined ? "" : ` (${context.operationId})`;
  const message = `${method} ${redactUrl(context.url)}${operation} failed with ${status}${detail}`;

  const init: RedactedErrorInit<FaxPlusErrorInit> = {
    status,
    ...(code === undefined ? {} : { code }),
    ...(description === undefined ? {} : { description }),
    ...(context.operationId === undefined ? {} : { operationId: context.operationId }),
    method,
    url: context.url,
    headers: response.headers,
    rawBody: raw,
    secrets: context.secrets,
  };
  if (status === 429)
    return redactedError(RateLimitError, message, { ...init, retryAfter: parseRetryAfter(response.headers.get("retry-after")) });
  const ErrorClass = classFor(status);
  return redactedError(ErrorClass, message, init);
}

export function parseError(
  text: string,
  response: Response,
  requestUrl: string,
  op: CalledOperation,
  cause: unknown,
  secrets: readonly string[],
): ResponseParseError {
  const url = response.url || requestUrl; // a mocked fetch's Response has no url
  return redactedError(
    ResponseParseError,
    `${op.method} ${redactUrl(url) || op.path} (${op.operationId}) answered ${response.status} with a body that is not valid JSON`,
    {
      status: response.status,
      operationId: op.operationId,
      method: op.method,
      url,
      headers: response.headers,
      rawBody: text,
      cause,
      secrets,
    },
  );
}
