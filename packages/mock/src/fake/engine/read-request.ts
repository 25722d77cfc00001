import { type OperationId, operations } from "@faxkit/types";
import { quoteRequestText } from "../../internal/quote-request-text.js";
import { checkRequestTarget } from "../../internal/request-target.js";
import type { FakeRequest, FakeResponse } from "../fake-types.js";
import { errorAnswer } from "./answers.js";
import { parseJsonBody } from "./json-body.js";
import { type FormPart, parseMultipart } from "./multipart.js";
import { matchRoute } from "./route-table.js";

/** A request routed to an operation, its parts decoded; `bodyError` says why the body could not be read. */
export interface RoutedRequest {
  operationId: OperationId;
  /** Decoded path, base path included. */
  path: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  parts: FormPart[] | undefined;
  /** What the log shows as the body. */
  loggedBody: unknown;
  bodyError: string | undefined;
}

export type ReadResult =
  | { ok: true; request: RoutedRequest }
  | { ok: false; answer: FakeResponse; path: string; query: Record<string, string | string[]> };

/**
 * Decodes and routes a request: a target that does not decode is a 400, a path outside
 * `basePath` or unknown a 404, a known path with another method a 405 (with `Allow`).
 */
export function readRequest(request: FakeRequest, basePath: string): ReadResult {
  const target = checkRequestTarget(request.query === "" ? request.path : `${request.path}?${request.query}`);
  if (!target.ok) return { ok: false, answer: errorAnswer(400, target.description), path: request.path, query: {} };
  const { path: encodedPath, query } = target.target;
  const path = encodedPath.split("/").map(decodeURIComponent).join("/");
  const refuse = (answer: FakeResponse): ReadResult => ({ ok: false, answer, path, query });
  if (encodedPath !== basePath && !encodedPath.startsWith(`${basePath}/`))
    return refuse(errorAnswer(404, `${quoteRequestText(encodedPath)} is not under the API's base path ${JSON.stringify(basePath || "/")}`));
  const route = matchRoute(request.method, encodedPath.slice(basePath.length).split("/").slice(1));
  if (route.kind === "none") return refuse(errorAnswer(404, `No operation at ${quoteRequestText(encodedPath)}`));
  if (route.kind === "wrong-method")
    return refuse(
      errorAnswer(
        405,
        `${quoteRequestText(request.method)} is not allowed on ${quoteRequestText(encodedPath)}; allowed: ${route.allowed.join(", ")}`,
        "method_not_allowed",
        {
          allow: route.allowed.join(", "),
        },
      ),
    );
  return {
    ok: true,
    request: { operationId: route.operationId, path, params: route.params, query, ...readBody(route.operationId, request) },
  };
}

function readBody(operationId: OperationId, request: FakeRequest): Pick<RoutedRequest, "body" | "parts" | "loggedBody" | "bodyError"> {
  const contentType = request.headers["content-type"];
  if (operations[operationId].requestContentType !== "multipart/form-data") {
    const json = parseJsonBody(request.body, contentType);
    return json.ok
      ? { body: json.value, parts: undefined, loggedBody: json.value, bodyError: undefined }
      : { body: undefined, parts: undefined, loggedBody: undefined, bodyError: json.description };
  }
  if (request.body.byteLength === 0) return { body: undefined, parts: undefined, loggedBody: undefined, bodyError: undefined };
  const multipart = parseMultipart(request.body, contentType);
  if (!multipart.ok) return { body: undefined, parts: undefined, loggedBody: undefined, bodyError: multipart.description };
  const file = multipart.parts.find((part) => part.name === "fax_file") ?? multipart.parts[0];
  const loggedBody = file ? { file: { name: file.fileName ?? file.name, type: file.contentType ?? "", size: file.bytes.byteLength } } : {};
  return { body: { fax_file: "(binary)" }, parts: multipart.parts, loggedBody, bodyError: undefined };
}
