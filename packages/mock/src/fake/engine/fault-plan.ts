import type { OperationId } from "@faxkit/types";
import type { FailNextOptions, FakeHandler } from "../fake-types.js";

interface PendingFailure {
  options: FailNextOptions;
  left: number;
}

/** The controls' faults and scripts: what the next calls of an operation get instead of the state's answer. */
export class FaultPlan {
  #failures: PendingFailure[] = [];
  #resets: Array<OperationId | undefined> = [];
  #latency = 0;
  #latencyByOperation = new Map<OperationId, number>();
  readonly scripts = new Map<OperationId, FakeHandler>();

  failNext(options: FailNextOptions): void {
    if (options === null || typeof options !== "object") throw new TypeError("failNext: options must be an object");
    const { status, retryAfter, times = 1 } = options;
    if (!Number.isInteger(status) || status < 100 || status > 599)
      throw new RangeError(`failNext: status must be an integer from 100 to 599 (got ${String(status)})`);
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`failNext: times must be an integer ≥ 1 (got ${String(times)})`);
    if (retryAfter !== undefined && (!Number.isFinite(retryAfter) || retryAfter < 0))
      throw new RangeError(`failNext: retryAfter must be a number of seconds ≥ 0 (got ${String(retryAfter)})`);
    this.#failures.push({ options, left: times });
  }

  /** The failure the next call of `operationId` gets, oldest first, counted down. */
  takeFailure(operationId: OperationId): FailNextOptions | undefined {
    const index = this.#failures.findIndex((failure) => failure.options.operationId === operationId);
    const failure = this.#failures[index];
    if (!failure) return undefined;
    failure.left -= 1;
    if (failure.left === 0) this.#failures.splice(index, 1);
    return failure.options;
  }

  resetNext(operationId: OperationId | undefined): void {
    this.#resets.push(operationId);
  }

  /** Whether this call of `operationId` gets its connection reset (a reset for any operation counts). */
  takeReset(operationId: OperationId): boolean {
    const index = this.#resets.findIndex((wanted) => wanted === undefined || wanted === operationId);
    if (index === -1) return false;
    this.#resets.splice(index, 1);
    return true;
  }

  latency(ms: number, operationId: OperationId | undefined): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency: ms must be a finite number ≥ 0 (got ${String(ms)})`);
    if (operationId === undefined) this.#latency = ms;
    else if (ms === 0) this.#latencyByOperation.delete(operationId);
    else this.#latencyByOperation.set(operationId, ms);
  }

  /** An operation's own latency wins over the global one. */
  delayFor(operationId: OperationId | undefined): number {
    return (operationId === undefined ? undefined : this.#latencyByOperation.get(operationId)) ?? this.#latency;
  }

  clear(): void {
    this.#failures = [];
    this.#resets = [];
    this.#latency = 0;
    this.#latencyByOperation.clear();
    this.scripts.clear();
  }
}
