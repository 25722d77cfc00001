import { checkedMaxBodyBytes } from "../internal/body-limit.js";
import { withControls } from "../internal/fake-controls.js";
import { checkedListenAddress, listenError } from "../internal/listen-address.js";
import { stopOnExit } from "../internal/stop-on-exit.js";
import { startFakeServer } from "./fake-server.js";
import type { FakeControls, FakeSeed } from "./fake-types.js";

/** The base path of every Fax.Plus v3 URL, which the fake serves under. */
const BASE_PATH = "/v3";

/**
 * Options of {@link startFake}: where it listens, and how the engine behaves.
 *
 * @example
 * ```ts
 * const fake = await startFake({ port: 4010, deliveryDelayMs: 1_000, seed: { numbers: [fixtures.number()] } });
 * ```
 */
export interface FakeOptions {
  /** Port to listen on; `0` (default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1` (loopback only). */
  host?: string;
  /**
   * Largest request body accepted, in bytes. A larger one is refused with `413` in the API's
   * error shape, as soon as its `Content-Length` is read or, for a chunked body, as soon as the
   * count passes the limit; the rest is never read. Default 32 MiB (a 30 MB upload fits).
   */
  maxBodyBytes?: number;
  /** Fake-clock time a sent fax takes to be delivered (see `clock.advance`); the engine's default when omitted. */
  deliveryDelayMs?: number;
  /** Records the account starts with (typed fixtures: see `fixtures`), on top of the engine's initial account. */
  seed?: FakeSeed;
  /**
   * The `fetch` that delivers webhook events to the targets registered with `createWebhook`.
   * Default: the global `fetch`, so register only targets you run (such as a loopback server).
   */
  webhookFetch?: typeof fetch;
}

/**
 * A running fake: its URL, the controls of its engine, and `stop()`.
 *
 * @example
 * ```ts
 * const fake: FakeServer = await startFake();
 * fake.latency(200, "listFaxes");                 // real-time delay for one operation
 * await fake.clock.advance(3_000);                 // sent faxes reach the sent folder
 * expect(fake.requests.at(-1)?.status).toBe(200);
 * await fake.stop();
 * ```
 */
export interface FakeServer extends FakeControls {
  /** Base URL of the API, production paths included: `http://127.0.0.1:<port>/v3`. */
  readonly url: string;
  /** Origin only: `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Stops the server (the port is free when it resolves, keep-alive sockets included) and the engine's background work. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts the stateful fake of the Fax.Plus API: an in-memory account behind an HTTP server on
 * loopback, at the production paths, so `https://restapi.fax.plus/v3/accounts/self` becomes
 * `<url>/accounts/self`. Unlike `startMock()` it keeps state (an uploaded file can be sent, a
 * sent fax shows up in the outbox and, as the fake clock advances, in the faxes), and tests
 * drive it: seed records, inject failures, latency and connection resets, script an
 * operation, read the request log. It does not load Prism.
 *
 * Same request boundary as `startMock()`: CORS preflights answered, bodies bounded by
 * `maxBodyBytes`, a target that does not decode refused with `400`, and nothing a request does
 * can take the process down (a failure is a `500` for that request).
 *
 * @example
 * ```ts
 * import { startFake } from "@faxkit/mock";
 * import { createFaxPlusClient } from "@faxkit/client";
 *
 * const fake = await startFake();
 * const fax = createFaxPlusClient({ baseUrl: fake.url, token: "any-token" });
 * fake.failNext({ operationId: "getUser", status: 429, retryAfter: 1 });
 * await fax.accounts.get();                       // retried after the 429, then answered
 * console.log(fake.requests.map((r) => r.status)); // [429, 200]
 * await fake.stop();
 * ```
 */
export async function startFake(options: FakeOptions = {}): Promise<FakeServer> {
  const { host, port } = checkedListenAddress(options);
  const maxBodyBytes = checkedMaxBodyBytes(options.maxBodyBytes);
  // Loaded on first use, so importing the package for startMock() does not load the engine.
  const { createFakeEngine } = await import("./engine/create-fake-engine.js");
  const engine = createFakeEngine({
    basePath: BASE_PATH,
    ...(options.deliveryDelayMs !== undefined ? { deliveryDelayMs: options.deliveryDelayMs } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.webhookFetch !== undefined ? { webhookFetch: options.webhookFetch } : {}),
  });
  let front: Awaited<ReturnType<typeof startFakeServer>>;
  try {
    front = await startFakeServer({ engine, host, port, maxBodyBytes });
  } catch (error) {
    await engine.close();
    throw listenError(error, host, port);
  }
  let stopping: Promise<void> | undefined;
  const fake = withControls(engine, {
    url: `${front.url}${BASE_PATH}`,
    origin: front.url,
    stop(): Promise<void> {
      stopping ??= (async () => {
        forget();
        await front.close();
        await engine.close();
      })();
      return stopping;
    },
  });
  const forget = stopOnExit(fake);
  return fake;
}
