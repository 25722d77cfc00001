/**
 * `@faxkit/mock` — Fax.Plus REST API v3 test servers on loopback: `startMock()` (Prism on the
 * resolved spec: stateless, every answer from the spec) and `startFake()` (a stateful
 * in-memory account that tests drive: seeds, faults, latency, a request log). Each loads its
 * engine on first use, so importing the package costs neither.
 *
 * @example
 * ```ts
 * import { startFake, startMock } from "@faxkit/mock";
 * const mock = await startMock();          // http://127.0.0.1:<free port>/v3, answers from the spec
 * const fake = await startFake();          // http://127.0.0.1:<free port>/v3, keeps state
 * // … point the client at mock.url or fake.url …
 * await Promise.all([mock.stop(), fake.stop()]);
 * ```
 *
 * @module @faxkit/mock
 */

export * from "./fake/public-api.js";
export { type FakeOptions, type FakeServer, startFake } from "./fake/start-fake.js";
export { type MockOptions, type MockServer, startMock } from "./start-mock.js";
