import type { Fax } from "@faxkit/types";
import { LIMITS } from "./limits.js";
import type { FakeState } from "./state.js";
import { deliverWebhook, type FakeWebhookEvent, type WebhookDeliveryResult, webhookPayload } from "./webhook-delivery.js";

export interface WebhookNotifier {
  /** POSTs the event to every webhook registered for it; resolves when each answered or gave up (never rejects). */
  notify(event: FakeWebhookEvent, fax: Fax): Promise<void>;
  /** Resolves when no delivery is in flight. */
  settled(): Promise<void>;
}

export interface WebhookNotifierOptions {
  state: () => FakeState;
  now: () => number;
  fetch: typeof fetch | undefined;
}

/**
 * Calls the webhooks of the current state through the delivery module (loopback targets only,
 * bounded in time). At most {@link LIMITS.deliveriesInFlight} POSTs are in flight; past that,
 * an event's POST is skipped rather than queued without bound.
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): WebhookNotifier {
  const inFlight = new Set<Promise<WebhookDeliveryResult>>();

  const track = (delivery: Promise<WebhookDeliveryResult>): Promise<WebhookDeliveryResult> => {
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
    return delivery;
  };

  return {
    async notify(event, fax) {
      const hooks = [...options.state().webhooks.values()].filter((hook) => hook.event === event);
      const deliveries: Array<Promise<WebhookDeliveryResult>> = [];
      for (const hook of hooks) {
        if (inFlight.size >= LIMITS.deliveriesInFlight) break;
        const payload = webhookPayload(event, hook, fax, { at: options.now() });
        deliveries.push(track(deliverWebhook(hook.target, payload, options.fetch ? { fetch: options.fetch } : {})));
      }
      await Promise.all(deliveries);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
