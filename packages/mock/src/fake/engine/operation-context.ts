import type { Fax, OperationId } from "@faxkit/types";
import { quoteRequestText } from "../../internal/quote-request-text.js";
import type { FakeResponse } from "../fake-types.js";
import { fail } from "./answer-error.js";
import type { EngineClock } from "./clock.js";
import type { FormPart } from "./multipart.js";
import type { FakeState } from "./state.js";
import type { FakeWebhookEvent } from "./webhook-delivery.js";

/** A routed, decoded and validated request, as an operation's handler gets it. */
export interface OperationCall {
  operationId: OperationId;
  /** Decoded path parameters. */
  params: Record<string, string>;
  /** Decoded query parameters (`limit` as a number). */
  query: Record<string, unknown>;
  /** The parsed JSON body, or `undefined`. */
  body: unknown;
  /** The parts of a multipart upload. */
  parts: FormPart[] | undefined;
  /** Lower-case names. */
  headers: Record<string, string>;
}

/** What handlers work on: the state, the clock, the delivery settings and the webhook notifier. */
export interface EngineContext {
  readonly state: FakeState;
  readonly clock: EngineClock;
  /** Fake ms from `sendFax` to the sent fax record. */
  readonly deliveryDelayMs: number;
  /** POSTs `event` for `fax` to every webhook registered for it; resolves when all answered (or gave up). */
  notify(event: FakeWebhookEvent, fax: Fax): Promise<void>;
}

export type OperationHandler = (call: OperationCall, ctx: EngineContext) => FakeResponse | Promise<FakeResponse>;

/**
 * The uid the call's `user_id` names. An unknown one is the spec's own 400 example,
 * `invalid_user_id` (several operations document no 404).
 */
export function userOf(call: OperationCall, ctx: EngineContext): string {
  const uid = ctx.state.resolveUser(call.params.user_id);
  if (uid === undefined) throw fail(400, `Invalid user id given: ${quoteRequestText(call.params.user_id ?? "")}`, "invalid_user_id");
  return uid;
}

/** Operations the docs reserve for corporate admins answer 403 to any other account. */
export function requireAdmin(ctx: EngineContext, what: string): void {
  if (!ctx.state.isAdmin())
    throw fail(403, `Only a corporate admin may ${what}; this account is ${quoteRequestText(String(ctx.state.account.account_type))}`);
}

/** A plain JSON object (what JSON.parse makes for `{…}`). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `{ ...target, ...patch }` key by key through defineProperty, so a `__proto__` key is an own property and never a prototype. */
export function assignOwn<T extends object>(target: T, patch: Record<string, unknown>, keys?: readonly string[]): T {
  const out = { ...target } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (keys && !keys.includes(key)) continue;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}
