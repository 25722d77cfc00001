import type { Fax, Webhook, WebhookCallback, WebhookCallbackData } from "@faxkit/types";
import { quoteRequestText } from "../../internal/quote-request-text.js";
import { faxTime } from "./fixtures.js";

/** The events the fake fires. */
export type FakeWebhookEvent = "fax_sent" | "fax_received";

/** Default bound on one delivery: connecting, sending and the answer's status line. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5_000;
/** Longest bound a caller may set; a delivery never holds a task longer. */
const MAX_WEBHOOK_TIMEOUT_MS = 60_000;

/** Options of {@link webhookPayload}. */
export interface WebhookPayloadOptions {
  /** When the event happened, ms since the epoch (default: the fax's `last_update`, else now). */
  at?: number;
}

/**
 * The body Fax.Plus POSTs to a webhook target (the spec's `WebhookCallback`) for `event` on
 * `fax`. The sender and receiver go under both spellings the sources use: `from`/`to` (docs)
 * and `from_number`/`to_number` (SDK 3.0.4), so a handler written for either reads them.
 *
 * @example
 * ```ts
 * const body = webhookPayload("fax_sent", fixtures.webhook({ event: "fax_sent" }), fax, { at: clock.now() });
 * parseWebhookEvent(body).hook.event; // "fax_sent"
 * ```
 */
export function webhookPayload(event: FakeWebhookEvent, hook: Webhook, fax: Fax, options: WebhookPayloadOptions = {}): WebhookCallback {
  const eventTime = options.at === undefined ? (fax.last_update ?? faxTime(Date.now())) : faxTime(options.at);
  return {
    hook: { id: fax.id, event, event_time: eventTime, target: hook.target },
    data: callbackData(fax),
  };
}

function callbackData(fax: Fax): WebhookCallbackData {
  const data: WebhookCallbackData = {
    id: fax.id,
    uid: fax.owner_id,
    pages: fax.pages,
    cost: fax.cost ?? fax.pages,
    status: fax.status,
  };
  // Absent fields stay absent rather than `undefined`, so the JSON is what the fax holds.
  if (fax.from !== undefined) Object.assign(data, { from: fax.from, from_number: fax.from });
  if (fax.to !== undefined) Object.assign(data, { to: fax.to, to_number: fax.to });
  if (fax.start_time !== undefined) data.start_time = fax.start_time;
  if (fax.file !== undefined) data.file = fax.file;
  if (fax.file_name !== undefined) data.file_name = fax.file_name;
  return data;
}

/** Options of {@link deliverWebhook}. */
export interface DeliverWebhookOptions {
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Bound on the whole delivery, 1 to 60,000 ms (default 5,000). */
  timeoutMs?: number;
}

/** What became of one delivery; `error` names the target's origin (quoted, its path not shown) and never holds the payload. */
export interface WebhookDeliveryResult {
  ok: boolean;
  /** The target's status, when it answered. */
  status?: number;
  error?: string;
}

/**
 * 127.0.0.0/8, `::1` and `localhost`, as the URL parser writes them (it has already turned
 * `127.1`, `0x7f.0.0.1` and `2130706433` into dotted quads).
 */
function isLoopbackHost(hostname: string): boolean {
  if (hostname === "localhost" || hostname === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * How an error names a target: its origin, quoted, with any path shown as `/…`, because teams
 * keep a shared secret in the target's path or query (the docs' only way to authenticate Fax.Plus).
 * Text that is not a URL is quoted as it is: it reaches no one.
 */
function shownTarget(target: string): string {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return quoteRequestText(String(target));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return quoteRequestText(`${url.protocol}…`);
  const rest = url.pathname === "/" && url.search === "" ? "/" : "/…";
  return quoteRequestText(`${url.protocol}//${url.host}${rest}`);
}

/** Why `target` may not be called, or `undefined` when it may: the fake never leaves loopback. */
function refusal(target: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return `webhook target ${shownTarget(target)} is not a URL`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `webhook target ${shownTarget(target)} refused: only http and https targets are called`;
  }
  if (!isLoopbackHost(url.hostname)) {
    return `webhook target ${shownTarget(target)} refused: the fake only calls loopback hosts (127.0.0.0/8, ::1, localhost)`;
  }
  return undefined;
}

function timeoutOf(options: DeliverWebhookOptions): number | string {
  const ms = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  if (typeof ms === "number" && Number.isFinite(ms) && ms >= 1 && ms <= MAX_WEBHOOK_TIMEOUT_MS) return ms;
  return `webhook delivery: timeoutMs must be 1 to ${MAX_WEBHOOK_TIMEOUT_MS} (got ${typeof ms === "number" ? String(ms) : typeof ms})`;
}

function serialize(payload: unknown): string | undefined {
  try {
    return JSON.stringify(payload);
  } catch {
    return undefined;
  }
}

/** The network reason of a failed fetch (`ECONNREFUSED`, …), quoted: fetch messages may embed the URL. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const reason = cause?.code ?? cause?.message ?? (error as { message?: unknown } | null)?.message ?? "unknown error";
  return quoteRequestText(String(reason));
}

/**
 * POSTs `payload` as JSON to `target`, as Fax.Plus calls a webhook, and says how it went; it
 * never throws. Only http(s) targets on a loopback host are called: any other is refused
 * without a request. Redirects are not followed, the whole call is bounded by `timeoutMs`,
 * and the answer's body is discarded unread.
 *
 * @example
 * ```ts
 * const result = await deliverWebhook(hook.target, webhookPayload("fax_sent", hook, fax));
 * if (!result.ok) log(result.error);
 * ```
 */
export async function deliverWebhook(
  target: string,
  payload: unknown,
  options: DeliverWebhookOptions = {},
): Promise<WebhookDeliveryResult> {
  const refused = refusal(target);
  if (refused !== undefined) return { ok: false, error: refused };
  const timeoutMs = timeoutOf(options);
  if (typeof timeoutMs === "string") return { ok: false, error: timeoutMs };
  const body = serialize(payload);
  if (body === undefined) return { ok: false, error: `webhook payload for ${shownTarget(target)} is not JSON-serialisable` };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await (options.fetch ?? fetch)(target, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      redirect: "manual",
      signal: controller.signal,
    });
    // Unread, the answer would hold the connection; nobody looks at it.
    response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    const redirect = response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : "";
    return {
      ok: false,
      status: response.status,
      error: `webhook target ${shownTarget(target)} answered ${response.status}${redirect}`,
    };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, error: `webhook target ${shownTarget(target)} timed out after ${timeoutMs} ms` };
    return { ok: false, error: `webhook POST to ${shownTarget(target)} failed: ${reasonOf(error)}` };
  } finally {
    clearTimeout(timer);
  }
}
