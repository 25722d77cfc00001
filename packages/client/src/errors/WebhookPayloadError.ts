import type { ValidationIssue } from "@faxkit/validator";
import { scrub } from "../internal/redact.js";
import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** Longest `excerpt` a {@link WebhookPayloadError} keeps, in characters. */
export const WEBHOOK_EXCERPT_LIMIT = 200;

/** {@link FaxPlusErrorInit} plus what was wrong with the payload. */
export interface WebhookPayloadErrorInit extends FaxPlusErrorInit {
  /** Every reason the payload was rejected (JSON pointer, keyword, message), as `@faxkit/validator` reports them. */
  issues?: readonly ValidationIssue[];
  /** The payload as text; stored as a short excerpt, scrubbed (see {@link WebhookPayloadError.excerpt}). */
  body?: string;
}

/** Phone-number-like runs of digits: fax numbers are personal data, and logs are not the place for them. */
const NUMBER = /\+?\d{7,}/g;

function maskNumbers(text: string): string {
  return text.replace(NUMBER, (digits) => `[number …${digits.slice(-2)}]`);
}

/**
 * Thrown by `parseWebhookEvent` (`@faxkit/client/webhooks`) when a request to a webhook
 * target is not a Fax.Plus event it can trust the shape of: not JSON, JSON of the wrong
 * shape, or without `hook.event` or with an event it does not know. `issues` lists every
 * reason; `excerpt` is the start of the body — whitespace collapsed, credentials in URLs
 * (`?token=…`), the `secrets` given and phone-number-like digit runs masked, at most
 * {@link WEBHOOK_EXCERPT_LIMIT} characters — so it can be logged. `status` is `undefined`
 * (no API call failed); answer the sender with a 400.
 *
 * @example
 * ```ts
 * app.post("/fax-events", express.text({ type: "application/json" }), (req, res) => {
 *   try {
 *     const event = parseWebhookEvent(req.body);
 *     queue.push(event);
 *     res.sendStatus(200);
 *   } catch (error) {
 *     if (!(error instanceof WebhookPayloadError)) throw error;
 *     log.warn(error.message, { issues: error.issues, excerpt: error.excerpt });
 *     res.sendStatus(400);
 *   }
 * });
 * ```
 */
export class WebhookPayloadError extends FaxPlusError {
  override readonly name = "WebhookPayloadError";
  /** Every reason the payload was rejected; `path` is a JSON pointer into it (`/hook/event`). */
  readonly issues: readonly ValidationIssue[];
  /** The start of the body, scrubbed and at most {@link WEBHOOK_EXCERPT_LIMIT} characters; `""` when there was none. */
  readonly excerpt: string;

  constructor(message: string, init: WebhookPayloadErrorInit = {}) {
    const { issues = [], body, ...rest } = init;
    const secrets = init.secrets ?? [];
    super(maskNumbers(message), rest);
    this.issues = Object.freeze(issues.map((issue) => ({ ...issue, message: maskNumbers(scrub(issue.message, secrets)) })));
    // Scrub and mask first, then cut, so a cut never leaves part of a secret or number behind.
    const excerpt = maskNumbers(scrub(body ?? "", secrets))
      .replace(/\s+/g, " ")
      .trim();
    this.excerpt = excerpt.length > WEBHOOK_EXCERPT_LIMIT ? `${excerpt.slice(0, WEBHOOK_EXCERPT_LIMIT)}…` : excerpt;
  }
}
