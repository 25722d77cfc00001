/**
 * `@faxkit/mock/msw` — the stateful Fax.Plus fake as MSW 2 request handlers, for tests that
 * intercept `fetch` in the process (or in the browser) instead of starting a server. Needs
 * `msw` (an optional peer dependency). Loads neither Prism nor node's HTTP server.
 *
 * @example
 * ```ts
 * import { createFakeHandlers } from "@faxkit/mock/msw";
 * import { setupServer } from "msw/node";
 *
 * const { handlers, fake } = createFakeHandlers();
 * const server = setupServer(...handlers);
 * server.listen({ onUnhandledRequest: "error" });
 * // … a client on https://restapi.fax.plus/v3 now talks to the fake …
 * server.close();
 * await fake.close();
 * ```
 *
 * @module @faxkit/mock/msw
 */

export { createFakeHandlers, type FakeHandlers, type FakeHandlersOptions, type MswFake } from "./fake/msw.js";
export * from "./fake/public-api.js";
