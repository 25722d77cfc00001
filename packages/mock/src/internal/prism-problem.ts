import type { ApiErrorBody } from "./api-error.js";
import { errorCodeFor } from "./api-error.js";
import { quoteRequestText } from "./quote-request-text.js";

/** An answer Prism gave up with, in the API's error shape. */
export interface ProblemAnswer {
  status: number;
  headers: Record<string, string>;
  body: ApiErrorBody;
}

/**
 * Error codes for Prism's own problems (`https://stoplight.io/prism/errors#…`). A status the
 * operation does not document (`Prefer: code=429`) gets a code of its own, so it cannot be
 * mistaken for the API's `not_found`.
 */
const CODE_BY_PROBLEM: Record<string, string> = {
  NO_PATH_MATCHED_ERROR: "not_found",
  NO_METHOD_MATCHED_ERROR: "method_not_allowed",
  NOT_FOUND: "mock_response_not_documented",
  UNPROCESSABLE_ENTITY: "invalid_request",
  NOT_ACCEPTABLE: "not_acceptable",
  UNAUTHORIZED: "unauthorized",
  INVALID_CONTENT_TYPE: "unsupported_media_type",
};

/**
 * Prism's refusal (`{ name: "https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR", message,
 * status, detail, additional }`) as the API's `{ error, description }`, keeping its status and
 * extra headers (`WWW-Authenticate` on a 401). Prism's messages can embed the request's path or
 * values, so they go through the quoting function.
 */
export function problemAnswer(problem: unknown): ProblemAnswer {
  const fields = (problem ?? {}) as { name?: unknown; message?: unknown; status?: unknown; detail?: unknown; additional?: unknown };
  const status = typeof fields.status === "number" && fields.status >= 400 && fields.status <= 599 ? fields.status : 500;
  const type = typeof fields.name === "string" ? (fields.name.split("#")[1] ?? "") : "";
  const message = typeof fields.message === "string" ? fields.message : "";
  // A typed problem's title is one of Prism's fixed templates; anything else may carry request text.
  const title = type !== "" ? message.slice(0, 200) : `the mock could not answer: ${quoteRequestText(message)}`;
  const detail = typeof fields.detail === "string" && fields.detail !== "" ? `: ${quoteRequestText(fields.detail, 300)}` : "";
  return {
    status,
    headers: extraHeaders(fields.additional),
    body: { error: CODE_BY_PROBLEM[type] ?? errorCodeFor(status), description: `${quoteRequestText(title, 200)}${detail}` },
  };
}

function extraHeaders(additional: unknown): Record<string, string> {
  const headers = (additional as { headers?: unknown } | undefined)?.headers;
  if (headers === null || typeof headers !== "object") return {};
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
