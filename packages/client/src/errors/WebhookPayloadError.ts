import type { ValidationIssue } from "@faxkit/validator";
import { scrub } from "../internal/scrub.js";
import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** Longest `excerpt` kept, in characters: enough to recognise a payload, too short to leak one. */
export const WEBHOOK_EXCERPT_LIMIT = 200;

/** {@link FaxPlusErrorInit} plus the issues found and the payload (kept only as a masked excerpt). */
export interface WebhookPayloadErrorInit extends FaxPlusErrorInit {
  /** What the payload's validation found. */
  issues?: readonly ValidationIssue[];
  /** The payload as received; only a scrubbed, masked excerpt of it is kept. */
  body?: string;
  /** Scrubbed from the issues and the excerpt (`redactedError` scrubs the rest). */
  secrets?: readonly string[];
}

/** Phone-number-like runs of digits: fax numbers are personal data, and logs are not the place for them. */
const NUMBER = /\+?\d{7,}/g;

function maskNumbers(text: string): string {
  return text.replace(NUMBER, (digits) => `[number …${digits.slice(-2)}]`);
}

/**
 * Thrown by `parseWebhookEvent` for a body that is not a Fax.Plus event it can trust the shape
 * of. `excerpt` is masked (credentials, phone numbers) so it can be logged; answer with a 400.
 *
 * @example
 * ```ts
 * if (error instanceof WebhookPayloadError) log.warn(error.message, { issues: error.issues, excerpt: error.excerpt });
 * ```
 */
export class WebhookPayloadError extends FaxPlusError {
  override readonly name = "WebhookPayloadError";
  /** `path` is a JSON pointer into the payload (`/hook/event`). */
  readonly issues: readonly ValidationIssue[];
  /** The start of the payload, secrets scrubbed and phone numbers masked, at most {@link WEBHOOK_EXCERPT_LIMIT} characters. */
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
