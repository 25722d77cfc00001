import type { HttpHandler } from "msw";
import { checkedMaxBodyBytes } from "../internal/body-limit.js";
import { withControls } from "../internal/fake-controls.js";
import { createFakeEngine } from "./engine/create-fake-engine.js";
import type { FakeControls, FakeSeed } from "./fake-types.js";
import { fakeHttpHandlers } from "./msw/fake-http-handlers.js";

/** Where the real API lives; the handlers answer requests under it by default. */
const DEFAULT_BASE_URL = "https://restapi.fax.plus/v3";

/**
 * Options of {@link createFakeHandlers}.
 *
 * @example
 * ```ts
 * createFakeHandlers({ baseUrl: "http://fax.test/v3", maxBodyBytes: 1 << 20, seed: { faxes: [fixtures.fax()] } });
 * ```
 */
export interface FakeHandlersOptions {
  /**
   * The API base URL the handlers answer under (any method, the URL itself and every path
   * below it); its path is the fake's base path. Default `https://restapi.fax.plus/v3`, the
   * client's default, so a client built without `baseUrl` talks to the fake.
   */
  baseUrl?: string;
  /** Largest request body accepted, in bytes; a larger one gets `413` in the API's error shape. Default 32 MiB. */
  maxBodyBytes?: number;
  /** Fake-clock time a sent fax takes to be delivered (see `clock.advance`); the engine's default when omitted. */
  deliveryDelayMs?: number;
  /** Records the account starts with (typed fixtures: see `fixtures`), on top of the engine's initial account. */
  seed?: FakeSeed;
  /**
   * The `fetch` that delivers webhook events to registered targets. Default: the global
   * `fetch`, which MSW intercepts too, so a handler of yours for the target receives them.
   */
  webhookFetch?: typeof fetch;
}

/**
 * The fake's controls as the MSW handlers expose them, plus its base URL and `close()`.
 *
 * @example
 * ```ts
 * const { fake } = createFakeHandlers();
 * fake.resetNext("sendFax");                      // the next sendFax is a network error
 * afterEach(() => fake.reset());
 * afterAll(() => fake.close());
 * ```
 */
export interface MswFake extends FakeControls {
  /** The base URL the handlers answer under, normalised: `https://restapi.fax.plus/v3`. */
  readonly baseUrl: string;
  /** Stops the engine's background work (delivery timers, webhook deliveries). Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * What {@link createFakeHandlers} returns: handlers for `setupServer`/`setupWorker`, and the controls.
 *
 * @example
 * ```ts
 * const { handlers, fake }: FakeHandlers = createFakeHandlers();
 * const server = setupServer(...handlers);
 * ```
 */
export interface FakeHandlers {
  /** Put these in `setupServer(...handlers)` (or `server.use(...handlers)`). */
  readonly handlers: HttpHandler[];
  /** The fake behind the handlers: seed it, inject faults, read its request log. */
  readonly fake: MswFake;
}

/**
 * The stateful Fax.Plus fake as MSW 2 handlers: requests to the API never leave the process;
 * the same in-memory account, faults and request log as `startFake()`, without a port. Needs
 * `msw` (an optional peer dependency, `>=2.7 <3`).
 *
 * Requests are bounded like the HTTP server's (`413` over `maxBodyBytes`, `400` for a target
 * that does not decode); an injected delay is waited in real time; a connection reset becomes
 * `HttpResponse.error()`, which the client sees as a network error.
 *
 * @example
 * ```ts
 * import { createFakeHandlers } from "@faxkit/mock/msw";
 * import { createFaxPlusClient } from "@faxkit/client";
 * import { setupServer } from "msw/node";
 *
 * const { handlers, fake } = createFakeHandlers();
 * const server = setupServer(...handlers);
 * server.listen({ onUnhandledRequest: "error" });
 *
 * const fax = createFaxPlusClient({ token: "any-token" }); // the default base URL
 * fake.failNext({ operationId: "getUser", status: 503 });
 * await fax.accounts.get();                                  // retried, then answered
 *
 * fake.reset();   // between tests
 * server.close();
 * await fake.close();
 * ```
 */
export function createFakeHandlers(options: FakeHandlersOptions = {}): FakeHandlers {
  const baseUrl = checkedBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const maxBodyBytes = checkedMaxBodyBytes(options.maxBodyBytes);
  const engine = createFakeEngine({
    basePath: baseUrl.basePath,
    ...(options.deliveryDelayMs !== undefined ? { deliveryDelayMs: options.deliveryDelayMs } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.webhookFetch !== undefined ? { webhookFetch: options.webhookFetch } : {}),
  });
  let closing: Promise<void> | undefined;
  const fake = withControls(engine, {
    baseUrl: `${baseUrl.origin}${baseUrl.basePath}`,
    close(): Promise<void> {
      closing ??= (async () => engine.close())();
      return closing;
    },
  });
  return { handlers: fakeHttpHandlers(engine, { ...baseUrl, maxBodyBytes }), fake };
}

/** An absolute http(s) URL without query or fragment, as its origin and its path without a trailing slash (`""` for the origin alone). */
function checkedBaseUrl(text: string): { origin: string; basePath: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`@faxkit/mock: baseUrl must be an absolute http(s) URL (got ${JSON.stringify(String(text))})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new TypeError(`@faxkit/mock: baseUrl must be an absolute http(s) URL (got ${JSON.stringify(text)})`);
  if (url.search !== "" || url.hash !== "")
    throw new TypeError(`@faxkit/mock: baseUrl must have no query or fragment (got ${JSON.stringify(text)})`);
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, "") };
}
