/**
 * The stateful fake through its MSW front end (`createFakeHandlers` from `@faxkit/mock/msw`),
 * served in process by `setupServer` from `msw/node`: no port, and a request the handlers do not
 * answer is an error (`onUnhandledRequest: "error"`), so nothing the client sends leaves the
 * process unnoticed.
 */
import type { FakeControls, FakeSeed } from "@faxkit/mock";
import { createFakeHandlers } from "@faxkit/mock/msw";
import { setupServer } from "msw/node";
import { socketFetch } from "./socket-fetch.js";

/**
 * Where the handlers answer. A reserved name (RFC 6761 `.test`) rather than the production
 * host: a request that somehow missed MSW fails to resolve instead of reaching the real API
 * with a token.
 */
export const MSW_BASE_URL = "http://fake.test/v3";

/** A fake front end as a test file drives it, whichever one serves it. */
export interface RunningFake {
  /** Base URL of the API, production paths included. */
  readonly url: string;
  readonly controls: FakeControls;
  stop(): Promise<void>;
}

export function startMswFake(seed: FakeSeed): RunningFake {
  // Webhook POSTs go through the real fetch: the fake's deliveries reach loopback receivers
  // (and the global setup's sink) on a socket, as they do from `startFake()`; through the
  // patched global fetch MSW would refuse them as unhandled.
  const { handlers, fake } = createFakeHandlers({ baseUrl: MSW_BASE_URL, seed, webhookFetch: socketFetch });
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: "error" });
  return {
    url: fake.baseUrl,
    controls: fake,
    async stop() {
      server.close();
      await fake.close();
    },
  };
}
