import { createFinalURL, defaultBodySerializer, mergeHeaders, type QuerySerializer } from "openapi-fetch";
import type { CallOptions } from "../resources/call-options.js";
import type { CalledOperation, SplitArguments } from "./call-operation.js";

/**
 * What a resource call needs to build its `Request` itself, with openapi-fetch's own exported
 * serializers, when no middleware would see it. Measured: going through openapi-fetch's generic
 * `coreFetch` cost the resource methods a few percent per call over loopback, the raw methods too.
 */
export interface DirectRequests {
  /** Without a trailing slash, as openapi-fetch keeps it. */
  readonly baseUrl: string;
  readonly headers: Record<string, string> | undefined;
  readonly Request: new (input: string, init: RequestInit) => Request;
  readonly querySerializer: QuerySerializer<unknown>;
  readonly pathSerializer: (url: string, params: Record<string, unknown>) => string;
  /** Whether a middleware is registered: then every call goes through openapi-fetch, which runs it. */
  hasMiddleware(): boolean;
}

const JSON_CONTENT = { "Content-Type": "application/json" };
// Its declaration omits the headers it reads (a form-urlencoded Content-Type makes a form body).
const serializeBody = defaultBodySerializer as (body: unknown, headers: Headers) => string;

/**
 * The request openapi-fetch would build for this call: the same URL, body and headers
 * (`Content-Type` only with a body; the client's, the call's, then the header parameters).
 *
 * @example
 * ```ts
 * const request = directRequest(ctx.direct, calledOperation("getFax"), { params: { path: { user_id: "self", fax_id } }, body: undefined });
 * ```
 */
export function directRequest(direct: DirectRequests, op: CalledOperation, parts: SplitArguments, options?: CallOptions): Request {
  const url = createFinalURL(op.path, {
    baseUrl: direct.baseUrl,
    params: parts.params,
    querySerializer: direct.querySerializer,
    pathSerializer: direct.pathSerializer,
  });
  const given = [direct.headers, options?.headers, parts.params.header as Record<string, string> | undefined] as const;
  const body = parts.body === undefined ? undefined : serializeBody(parts.body, mergeHeaders(...given));
  const headers = mergeHeaders(body === undefined ? undefined : JSON_CONTENT, ...given);
  const init: RequestInit = { redirect: "manual", method: op.method, headers };
  if (body !== undefined) init.body = body;
  if (options?.signal !== undefined) init.signal = options.signal;
  return new direct.Request(url, init);
}
