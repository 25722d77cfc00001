import { checkedMaxBodyBytes } from "./internal/body-limit.js";
import { startFrontServer } from "./internal/front-server.js";
import { checkedListenAddress, listenError } from "./internal/listen-address.js";
import { basePathOf, loadMockSpec, withBasePath, withoutCallbacks } from "./internal/mock-spec.js";
import { createPrismEngine } from "./internal/prism-engine.js";
import { stopOnExit } from "./internal/stop-on-exit.js";

export { DEFAULT_MAX_BODY_BYTES } from "./internal/body-limit.js";

/** Options of {@link startMock}. */
export interface MockOptions {
  /** Port to listen on; `0` (default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** Generate responses from the schemas instead of the spec's examples. Default `false`. */
  dynamic?: boolean;
  /** Seed for dynamic responses, so a run can be repeated. */
  seed?: string | number;
  /** The spec to serve: a resolved JSON file or an object. Default: the Fax.Plus spec bundled with this package. */
  spec?: string | object;
  /**
   * Perform the spec's callbacks (after `createWebhook`, Prism POSTs a random event to the
   * registered `target`, wherever it is). Default `false`: nothing leaves the mock unasked.
   */
  callbacks?: boolean;
  /**
   * Largest request body accepted, in bytes. A larger one is refused with `413` in the API's
   * error shape, as soon as its `Content-Length` is read or, for a chunked body, as soon as the
   * count passes the limit; the rest is never read. Default 32 MiB (a 30 MB upload fits).
   */
  maxBodyBytes?: number;
}

/** A running mock. */
export interface MockServer {
  /** Base URL of the API, production paths included: `http://127.0.0.1:<port>/v3`. */
  readonly url: string;
  /** Origin only: `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Operations served. */
  readonly operations: number;
  /** Stops the mock and frees the port. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts a Fax.Plus API mock: Prism, in this process, serving the resolved spec (vendor spec
 * plus faxkit's overlays) at the production paths, so `https://restapi.fax.plus/v3/accounts/self`
 * becomes `<url>/accounts/self`. Requests are validated as the real API would: a rejected
 * request gets the API's error shape with every violation in `description`. Answers CORS
 * preflights, so a browser page can call it. Resolves once the mock answers.
 *
 * @example
 * ```ts
 * const mock = await startMock();
 * const fax = createFaxPlusClient({ baseUrl: mock.url, token: "any" });
 * console.log(await fax.accounts.get());
 * await mock.stop();
 * ```
 */
export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const { host, port } = checkedListenAddress(options);
  const maxBodyBytes = checkedMaxBodyBytes(options.maxBodyBytes);
  const loaded = await loadMockSpec(options.spec);
  const document = options.callbacks === true ? loaded : withoutCallbacks(loaded);
  const basePath = basePathOf(document);
  const engine = await createPrismEngine(withBasePath(document, basePath), {
    dynamic: options.dynamic ?? false,
    seed: options.seed === undefined ? undefined : String(options.seed),
  });
  let front: Awaited<ReturnType<typeof startFrontServer>>;
  try {
    front = await startFrontServer({ engine, host, port, maxBodyBytes });
  } catch (error) {
    throw listenError(error, host, port);
  }
  let stopping: Promise<void> | undefined;
  let forget = () => {};
  const mock: MockServer = {
    url: `${front.url}${basePath}`,
    origin: front.url,
    operations: engine.operations,
    stop() {
      stopping ??= (async () => {
        forget();
        await front.close();
      })();
      return stopping;
    },
  };
  forget = stopOnExit(mock);
  return mock;
}
