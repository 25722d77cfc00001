import type { OperationId } from "@faxkit/types";
import type { FakeSeed } from "./engine/seed.js";

/**
 * One HTTP request as the fake engine takes it, whichever front end received it (the HTTP
 * server of `startFake()` or the MSW handlers). The front end has already bounded the body's
 * size; everything else in it is untrusted.
 */
export interface FakeRequest {
  /** Upper case, as received. */
  method: string;
  /** The request target's path, percent-encoded as received, base path included: `/v3/accounts/self/faxes`. */
  path: string;
  /** The raw query string without `?` (`""` when none). */
  query: string;
  /** Header names in lower case; a repeated header's values joined with `, `. */
  headers: Record<string, string>;
  /** The body's bytes (empty when none). */
  body: Uint8Array;
}

/**
 * The engine's answer. A front end writes `status`, `headers` and `body` as they are, after
 * waiting `delayMs` of real time; `fault: "reset"` means: send nothing, drop the connection
 * (MSW: a network error).
 */
export interface FakeResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** JSON text, document bytes, or nothing (204). */
  body: string | Uint8Array | undefined;
  delayMs?: number;
  fault?: "reset";
}

/** One entry of {@link FakeControls.requests}: what a test asserts on. */
export interface LoggedRequest {
  /** `undefined` when no operation matched (the answer was a 404). */
  operationId: OperationId | undefined;
  /** The HTTP method, upper-case. */
  method: string;
  /** Decoded path, base path included. */
  path: string;
  /** Decoded path parameters, by name. */
  params: Record<string, string>;
  /** Decoded query parameters; a repeated one as an array. */
  query: Record<string, string | string[]>;
  /** Parsed JSON body; for a multipart upload `{ file: { name, type, size } }`; `undefined` when none. */
  body: unknown;
  /** The status the fake answered. */
  status: number;
  /** The fake clock's time when it arrived, in ms since the epoch. */
  at: number;
}

/** A fault to inject: {@link FakeControls.failNext}. */
export interface FailNextOptions {
  /** The operation whose next call(s) fail. */
  operationId: OperationId;
  /** Any status, documented for the operation or not. */
  status: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /** How many of the next calls of this operation fail (default 1). */
  times?: number;
  /** Default: the API's `{ error, description }` for the status. */
  body?: unknown;
}

/** The fake's clock: real time by default; {@link FakeClock.advance} moves it forward and runs what fell due. */
export interface FakeClock {
  /** Current fake time, ms since the epoch. */
  now(): number;
  /** Moves time forward by `ms` (finite, ≥ 0) and runs every delivery step that fell due, in order. */
  advance(ms: number): Promise<void>;
}

/** Hand-scripted answer for one operation: {@link FakeControls.handle}. */
export type FakeHandler = (request: LoggedRequest) => FakeHandlerResult | Promise<FakeHandlerResult>;
/** What a {@link FakeHandler} answers with. */
export interface FakeHandlerResult {
  /** The HTTP status to answer with. */
  status: number;
  /** JSON-serialisable value, or bytes. */
  body?: unknown;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** What tests drive the fake with; the same on both front ends. */
export interface FakeControls {
  /** The fake's clock: deliveries and webhooks run on it. */
  readonly clock: FakeClock;
  /** Adds records to the account (typed fixtures: see `fixtures`). */
  seed(data: FakeSeed): void;
  /** Makes the next call (or `times` calls) of `options.operationId` fail with `options.status`. */
  failNext(options: FailNextOptions): void;
  /** Delays every answer by `ms` of real time (0 to stop), or only `operationId`'s. */
  latency(ms: number, operationId?: OperationId): void;
  /** The next call of `operationId` (or of any operation) gets its connection reset. */
  resetNext(operationId?: OperationId): void;
  /** Scripts one operation by hand until {@link reset}; `undefined` removes the script. */
  handle(operationId: OperationId, handler: FakeHandler | undefined): void;
  /** Every request so far, oldest first (bounded: the latest 10,000). */
  readonly requests: readonly LoggedRequest[];
  /** Back to the initial account, no faults, no scripts, an empty log, the clock on real time. */
  reset(): void;
}

/**
 * Records to seed, in the spec's shapes (`@faxkit/types` schemas). Defined by the engine's
 * state module; re-exported here so the front ends need not import the engine's internals.
 */
export type { FakeSeed } from "./engine/seed.js";

/** The engine both front ends wrap. */
export interface FakeEngine extends FakeControls {
  answer(request: FakeRequest): Promise<FakeResponse>;
  /** Stops background work (webhook deliveries, real-time delivery timers). */
  close(): Promise<void>;
}
