import type { DeliveryState } from "../resources/outbox/types.js";
import { FaxPlusError, type FaxPlusErrorInit } from "./FaxPlusError.js";

/** {@link FaxPlusErrorInit} plus the wait's limit and where each fax stood. */
export interface DeliveryTimeoutErrorInit extends FaxPlusErrorInit {
  /** The wait's `timeout`, in ms. */
  timeoutMs: number;
  /** Where each fax stood when the wait ended, one per id in the order given. */
  deliveries: readonly DeliveryState[];
}

/**
 * `outbox.waitForDelivery` reached its `timeout` before every fax had a final status.
 * `deliveries` holds what was known at that point, one entry per id in the order given:
 * final ones with their fax record, the others with the last outbox record or status seen.
 * Not a `TimeoutError` (that is one request's): the requests were answered, the faxes were not done.
 *
 * @example
 * ```ts
 * if (error instanceof DeliveryTimeoutError) for (const d of error.deliveries) if (!d.final) console.log(d.id, d.stage, d.status);
 * ```
 */
export class DeliveryTimeoutError extends FaxPlusError {
  override readonly name = "DeliveryTimeoutError";
  /** The wait's `timeout`, in ms. */
  declare readonly timeoutMs: number;
  /** Where each fax stood when the wait ended, one per id in the order given. */
  declare readonly deliveries: readonly DeliveryState[];

  constructor(message: string, init: DeliveryTimeoutErrorInit) {
    super(message, init); // the base class reads only its own fields
    this.timeoutMs = init.timeoutMs;
    this.deliveries = init.deliveries;
  }
}
