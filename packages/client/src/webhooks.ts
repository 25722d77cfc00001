/**
 * `@faxkit/client/webhooks`: reading the events Fax.Plus POSTs to a webhook target. Web APIs
 * only (no Node built-ins) and none of the client, so a webhook handler stays small.
 *
 * @example
 * ```ts
 * import { parseWebhookEvent, WebhookPayloadError } from "@faxkit/client/webhooks";
 * const event = parseWebhookEvent(await request.text());
 * if (event.hook.event === "fax_received") await archive(event.data?.id);
 * ```
 */
import type { FaxStatus, WebhookCallbackData, WebhookCallbackHook } from "@faxkit/types";
import type { ValidationIssue } from "@faxkit/validator";
import { WebhookCallback as validateWebhookCallback } from "@faxkit/validator/validate";
import { WebhookPayloadError } from "./errors/WebhookPayloadError.js";

export { WEBHOOK_EXCERPT_LIMIT, WebhookPayloadError, type WebhookPayloadErrorInit } from "./errors/WebhookPayloadError.js";

/** The events a webhook fires for: `fax_sent`, `fax_received`, `fax_page_received`. */
export type WebhookEventName = NonNullable<WebhookCallbackHook["event"]>;

/**
 * `data` of an event: the spec's `WebhookCallbackData`, except that `status` may also be a
 * status the spec does not list yet (the failure codes grow), which is accepted, not rejected.
 */
export type WebhookEventData = Omit<WebhookCallbackData, "status"> & { status?: FaxStatus | (string & {}) };

/**
 * A validated webhook payload: the spec's `WebhookCallback` with `hook` and `hook.event`
 * required and `hook.event` one of the known events, so a `switch` over it can be
 * exhaustive. `WebhookEvent<"fax_received">` types a handler of one event. `data` is
 * optional, as in the spec. Properties the spec does not list are kept on the object (not typed).
 */
export type WebhookEvent<E extends WebhookEventName = WebhookEventName> = {
  hook: WebhookCallbackHook & { event: E };
  data?: WebhookEventData;
};

/** What `parseWebhookEvent` reads: the raw body (text or bytes) or the JSON a body parser already made of it. */
export type WebhookBody = string | ArrayBuffer | ArrayBufferView | Record<string, unknown>;

/** Options of {@link parseWebhookEvent}. */
export interface ParseWebhookEventOptions {
  /** Values to mask in the error's excerpt and messages, e.g. a shared secret in your target URL's path. */
  secrets?: readonly string[];
}

/**
 * Differences from the spec that are accepted rather than rejected: new properties anywhere
 * (the schema allows them today; this keeps it so if it ever closes them) and a `data.status`
 * the spec does not list. A vendor addition must not break a working handler.
 */
function tolerated(issue: ValidationIssue): boolean {
  return issue.keyword === "additionalProperties" || (issue.path === "/data/status" && issue.keyword === "enum");
}

function required(path: string, property: string): ValidationIssue {
  return { path, keyword: "required", schemaPath: "", message: `${path}: must have required property '${property}'` };
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return (Object.getPrototypeOf(value)?.constructor?.name as string | undefined) ?? "an object";
}

/** The body as JSON text, as bytes to decode, or as the value a body parser already produced. */
function read(body: unknown): { text: string } | { bytes: ArrayBufferView | ArrayBuffer } | { value: unknown } {
  if (typeof body === "string") return { text: body };
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { bytes: body };
  if (body === null || typeof body === "number" || typeof body === "boolean" || Array.isArray(body)) return { value: body };
  if (typeof body === "object") {
    const proto = Object.getPrototypeOf(body);
    if (proto === Object.prototype || proto === null) return { value: body };
  }
  const hint =
    body === undefined
      ? "; is a body parser (express.json() or express.text()) installed for this route?"
      : "; read the request body first, e.g. await request.text()";
  throw new TypeError(`parseWebhookEvent: body must be a string, Uint8Array, ArrayBuffer or parsed JSON (got ${typeName(body)})${hint}`);
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

/**
 * Parses and validates a Fax.Plus webhook payload, with the generated validator for the
 * spec's `WebhookCallback` and two rules of its own: `hook` and `hook.event` must be there,
 * and the event must be one it knows (`fax_sent`, `fax_received`, `fax_page_received`).
 * Properties the spec does not list are tolerated and kept, as are `data.status` values it
 * does not list: vendors add fields, and a handler should not start failing over one.
 *
 * `body` is the raw body — a string, or bytes (`Uint8Array`, Node's `Buffer`, `ArrayBuffer`;
 * UTF-8) — or the object a JSON body parser made of it (`express.json()`'s `req.body`).
 * A payload that is not JSON, not UTF-8, empty, or of the wrong shape is a
 * {@link WebhookPayloadError} carrying every issue and a scrubbed excerpt; a `body` of a
 * type it cannot read (`undefined`, a stream, a request object) is a `TypeError`.
 *
 * This checks the shape only: it does not prove the request came from Fax.Plus. Keep the
 * target URL secret (or put a secret in it) and check that before trusting the event.
 *
 * @example
 * ```ts
 * const event = parseWebhookEvent(req.body); // express.json()
 * switch (event.hook.event) {
 *   case "fax_received":
 *     await fax.files.download(event.data?.id ?? event.hook.id ?? "");
 *     break;
 *   case "fax_sent":
 *     console.log(event.data?.status);
 * }
 * ```
 */
export function parseWebhookEvent(body: WebhookBody, options: ParseWebhookEventOptions = {}): WebhookEvent {
  const secrets = options.secrets ?? [];
  const fail = (message: string, issues: ValidationIssue[], text: string): never => {
    throw new WebhookPayloadError(`webhook payload ${message}`, { issues, body: text, secrets });
  };
  const source = read(body);
  let text: string;
  let value: unknown;
  if ("value" in source) {
    value = source.value;
    text = stringify(value);
  } else {
    if ("text" in source) text = source.text;
    else {
      try {
        // fatal: bytes that are not UTF-8 are rejected, not turned into U+FFFD; a BOM is dropped.
        text = new TextDecoder("utf-8", { fatal: true }).decode(source.bytes);
      } catch {
        return fail("is not valid UTF-8", [{ path: "/", keyword: "encoding", schemaPath: "", message: "/: is not valid UTF-8" }], "");
      }
    }
    text = text.replace(/^\uFEFF/, "");
    if (text.trim() === "") fail("is empty", [{ path: "/", keyword: "json", schemaPath: "", message: "/: is empty" }], "");
    try {
      value = JSON.parse(text);
    } catch {
      return fail("is not JSON", [{ path: "/", keyword: "json", schemaPath: "", message: "/: is not valid JSON" }], text);
    }
  }

  const result = validateWebhookCallback(value);
  const issues = result.ok ? [] : result.issues.filter((issue) => !tolerated(issue));
  const hook = (value as { hook?: unknown } | null)?.hook;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    if (hook === undefined) issues.push(required("/", "hook"));
    else if (hook !== null && typeof hook === "object" && (hook as { event?: unknown }).event === undefined)
      issues.push(required("/hook", "event"));
  }
  if (issues.length > 0) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})` : "";
    fail(`is not a valid Fax.Plus event: ${first?.message}${more}`, issues, text);
  }
  return value as WebhookEvent;
}
