import type { paths } from "@faxkit/types";
import type { Client } from "openapi-fetch";
import type { CallOptions } from "../resources/call-options.js";
import type { DirectRequests } from "./direct-request.js";
import type { Logger } from "./logger.js";
import type { Transport, TransportOverrides } from "./transport.js";

/** What the resource methods share with the client that made them. */
export interface ClientContext {
  readonly client: Client<paths>;
  readonly userId: string;
  /** A function: a token function or a refresh adds credentials as the client runs. */
  secrets(): readonly string[];
  readonly logger: Logger;
  /** The authenticated transport: what each request of a call goes through. */
  readonly send: Transport;
  /** How a resource call builds its request without openapi-fetch; without it, every call goes through openapi-fetch. */
  readonly direct?: DirectRequests;
}

/**
 * A call's options as the transport takes them: `retry: false` allows no retry at all,
 * `retry: true` retries a POST as any other method.
 *
 * @example
 * ```ts
 * transportOverrides("sendFax", { retry: false }); // { operationId: "sendFax", maxRetries: 0, … }
 * ```
 */
export function transportOverrides(operationId: string, call: CallOptions | undefined): TransportOverrides {
  return {
    operationId,
    timeoutMs: call?.timeout,
    maxRetries: call?.retry === false ? 0 : call?.maxRetries,
    retryNonIdempotent: call?.retry || undefined,
    deadlineMs: call?.deadline,
    maxResponseBytes: call?.maxResponseBytes,
    onRetry: call?.onRetry,
  };
}
