/**
 * `@faxkit/client/webhooks`: reading the events Fax.Plus POSTs to a webhook target, apart from
 * the client and Node built-ins, so a webhook handler stays small.
 *
 * @example
 * ```ts
 * import { parseWebhookEvent, WebhookPayloadError } from "@faxkit/client/webhooks";
 * ```
 *
 * @module @faxkit/client/webhooks
 */
import type { FaxStatus, WebhookCallbackData, WebhookCallbackHook } from "@faxkit/types";
import type { ValidationIssue } from "@faxkit/validator";
import { WebhookCallback as validateWebhookCallback } from "@faxkit/validator/validate";
import { WebhookPayloadError } from "./errors/WebhookPayloadError.js";
import { redactedError } from "./internal/redacted-error.js";

export { WEBHOOK_EXCERPT_LIMIT, WebhookPayloadError, type WebhookPayloadErrorInit } from "./errors/WebhookPayloadError.js";

/** The events a webhook fires for: `fax_sent`, `fax_received`, `fax_page_received`. */
export type WebhookEventName = NonNullable<WebhookCallbackHook["event"]>;

/** `status` may be one the spec does not list yet: the failure codes grow. */
export type WebhookEventData = Omit<WebhookCallbackData, "status"> & {
  /** The fax's status: one of `FaxStatus`, or a newer one the spec does not list yet. */
  status?: FaxStatus | (string & {});
};

/** `hook.event` required and known, so a `switch` over it can be exhaustive; `WebhookEvent<"fax_received">` types one. */
export type WebhookEvent<E extends WebhookEventName = WebhookEventName> = {
  hook: WebhookCallbackHook & { event: E };
  data?: WebhookEventData;
};

/** The raw body (text or bytes) or what a JSON body parser already made of it. */
export type WebhookBody = string | ArrayBuffer | ArrayBufferView | Record<string, unknown>;

/** Options of {@link parseWebhookEvent}. */
export interface ParseWebhookEventOptions {
  /** Values to mask in the error's excerpt and messages, e.g. a shared secret in your target URL's path. */
  secrets?: readonly string[];
}

/** A vendor addition (a new property, a new `data.status`) must not break a working handler. */
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
 * Validates a webhook payload against the spec's `WebhookCallback`, plus a known `hook.event`.
 * A bad payload is a {@link WebhookPayloadError}; a body it cannot read at all (a stream) a
 * `TypeError`. It checks the shape only, not the sender: keep a secret in the target URL.
 *
 * @example
 * ```ts
 * const event = parseWebhookEvent(req.body); // express.json()
 * if (event.hook.event === "fax_received") await fax.files.download(event.data?.id ?? "");
 * ```
 */
export function parseWebhookEvent(body: WebhookBody, options: ParseWebhookEventOptions = {}): WebhookEvent {
  const secrets = options.secrets ?? [];
  const fail = (message: string, issues: ValidationIssue[], text: string): never => {
    throw redactedError(WebhookPayloadError, `webhook payload ${message}`, { issues, body: text, secrets });
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
