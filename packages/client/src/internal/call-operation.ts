import { type OperationCall, type OperationId, operationCalls } from "@faxkit/types";
import type { CallOptions } from "../resources/call-options.js";
import { checkedSend } from "./checked-send.js";
import { type ClientContext, transportOverrides } from "./client-context.js";
import { directRequest } from "./direct-request.js";
import { isDotSegment } from "./path-param.js";
import type { TransportOverrides } from "./transport.js";

/**
 * An operation as the client calls it: its generated call data (`operationCalls`, read as it
 * is: path parameters and body kind come from the spec, never from the path template) and the
 * operationId that names it in errors.
 */
export type CalledOperation = OperationCall & {
  readonly operationId: string;
  /** The transport's overrides of a call without options, made once. */
  readonly overrides?: TransportOverrides;
};

/**
 * The call data of one operation, with its operationId.
 *
 * @example
 * ```ts
 * calledOperation("getFax").pathParams; // ["user_id", "fax_id"]
 * ```
 */
export function calledOperation(operationId: OperationId): CalledOperation {
  return { operationId, ...operationCalls[operationId], overrides: transportOverrides(operationId, undefined) };
}

/** The pieces of one resource call, in openapi-fetch's shape: `query` and `header` only when given. */
export interface SplitArguments {
  params: { path: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  /** The JSON body, or `undefined` when the call sends none. */
  body: Record<string, unknown> | undefined;
}

/** What is wrong with a resource method's argument object (the message is built by `argumentError`). */
export interface ArgumentProblem {
  /**
   * `"type"`: not an object; `"unknown"`: a key the operation does not take; `"path"`: a path
   * parameter missing, empty or a dot segment (`isDotSegment`).
   */
  problem: "type" | "unknown" | "path";
  /** The offending key, or for `"type"` the argument itself. */
  key: unknown;
  /** The rejected value of a path parameter. */
  value?: unknown;
}

/** An own data property even for the key `__proto__`, which plain assignment would take as the prototype. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * `splitArguments`' work (split-arguments.ts), reporting a problem instead of throwing (the
 * messages are loaded only when needed). Plain objects of the shape openapi-fetch's own callers
 * pass, with no empty sections: the calls share its optimised code with the raw methods.
 */
export function split(op: CalledOperation, args: unknown, userId: string): SplitArguments | ArgumentProblem {
  if (args !== undefined && (args === null || typeof args !== "object" || Array.isArray(args))) return { problem: "type", key: args };
  const path: Record<string, unknown> = {};
  let query: Record<string, unknown> | undefined;
  let header: Record<string, unknown> | undefined;
  let body: Record<string, unknown> | undefined;
  const given = (args ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    const value = given[key];
    if (value === undefined) continue;
    if (op.pathParams.includes(key)) put(path, key, value);
    else if (op.queryParams.includes(key)) {
      query ??= {};
      put(query, key, value);
    } else if (op.headerParams.includes(key)) {
      header ??= {};
      put(header, key, value);
    } else if (op.requestContentType !== "application/json") return { problem: "unknown", key };
    else {
      body ??= {};
      put(body, key, value);
    }
  }
  if (op.pathParams.includes("user_id") && path.user_id === undefined) path.user_id = userId;
  for (const name of op.pathParams) {
    // Own values only: a parameter the spec names `toString` and the call leaves out is missing, not Object's method.
    const value = Object.hasOwn(path, name) ? path[name] : undefined;
    if (isDotSegment(value)) return { problem: "path", key: name, value };
  }
  if (body === undefined && op.requestBodyRequired && op.requestContentType === "application/json") body = {};
  return { params: query ? (header ? { path, query, header } : { path, query }) : header ? { path, header } : { path }, body };
}

/**
 * Runs one operation through openapi-fetch the way every resource method does: the argument
 * object split as `splitArguments` does, the per-call options applied, a non-2xx status
 * thrown as its typed error before anything reads its body, and the body parsed as JSON
 * (`undefined` when empty). A body that is not valid JSON is a `ResponseParseError` carrying
 * the raw text. A body cut off or stalled mid-way needs nothing here: the transport's
 * `guardBody` already errors it with `ConnectionError` or `TimeoutError`. `op` is looked up
 * once per method by the caller; `seen` receives the response (for `withResponse()`).
 *
 * @example
 * ```ts
 * const fax = await callOperation(ctx, calledOperation("getFax"), { fax_id: "5e7de3ad54cfd54eb568cc76" });
 * ```
 */
export async function callOperation(
  ctx: ClientContext,
  op: CalledOperation,
  args: unknown,
  options?: CallOptions,
  seen?: (response: Response) => void,
): Promise<unknown> {
  const parts = split(op, args, ctx.userId);
  if ("problem" in parts) throw (await import("./argument-error.js")).argumentError(op, parts);
  const overrides = (!options && op.overrides) || transportOverrides(op.operationId, options);
  const direct = ctx.direct;
  if (direct !== undefined && !direct.hasMiddleware()) {
    const request = directRequest(direct, op, parts, options);
    const response = await checkedSend(ctx, request, overrides);
    seen?.(response);
    return parseData(ctx, op, await bodyText(response), response, request.url);
  }
  let url = ""; // of the request as sent, for a response that does not know its own (a mocked fetch's)
  const method = ctx.client[op.method as "GET"] as (path: string, init: unknown) => Promise<{ data?: unknown; response: Response }>;
  const init: Record<string, unknown> = {
    params: parts.params,
    // Checked in the fetch rather than by a middleware made per call: openapi-fetch never reads an error's body.
    fetch: (request: Request) => {
      url = request.url;
      return checkedSend(ctx, request, overrides);
    },
    parseAs: "text",
  };
  // Only what the call has: keys set to undefined would give openapi-fetch's code shapes its other callers never pass.
  if (parts.body !== undefined) init.body = parts.body;
  if (options?.signal !== undefined) init.signal = options.signal;
  if (options?.headers !== undefined) init.headers = options.headers;
  const result = await method(op.path, init);
  seen?.(result.response);
  return parseData(ctx, op, typeof result.data === "string" ? result.data : "", result.response, url);
}

/** The body as openapi-fetch reads it: none for a 204 or a `Content-Length: 0`. */
function bodyText(response: Response): Promise<string> | string {
  if (response.status === 204 || response.headers.get("content-length") === "0") return "";
  return response.text();
}

/** The data of a body: `undefined` when empty; a body that is not JSON is a `ResponseParseError` with its text. */
async function parseData(ctx: ClientContext, op: CalledOperation, text: string, response: Response, url: string): Promise<unknown> {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (text.trim() === "") return undefined;
    throw (await import("./error-from-response.js")).parseError(text, response, url, op, cause, ctx.secrets());
  }
}
