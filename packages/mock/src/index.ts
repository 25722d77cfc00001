/**
 * @faxkit/mock — a Fax.Plus REST API v3 mock for tests and local development: Prism on the
 * resolved spec, at the production paths, with readable violations and CORS.
 *
 * @example
 * ```ts
 * import { startMock } from "@faxkit/mock";
 * const mock = await startMock();          // http://127.0.0.1:<free port>/v3
 * // … point the client at mock.url …
 * await mock.stop();
 * ```
 */
export { type MockOptions, type MockServer, startMock } from "./start-mock.js";
