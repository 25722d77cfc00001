import type { FakeControls } from "../fake/fake-types.js";

/**
 * `extra` with the engine's controls added, each delegating to the engine on every use (so
 * `clock` and `requests` are always the engine's current ones, never a copy).
 *
 * @example
 * ```ts
 * const fake = withControls(engine, { url, stop });
 * fake.failNext({ operationId: "getUser", status: 500 }); // engine.failNext(…)
 * ```
 */
export function withControls<Extra extends object>(engine: FakeControls, extra: Extra): FakeControls & Extra {
  const controls: FakeControls = {
    get clock() {
      return engine.clock;
    },
    get requests() {
      return engine.requests;
    },
    seed: (data) => engine.seed(data),
    failNext: (failure) => engine.failNext(failure),
    latency: (ms, operationId) => engine.latency(ms, operationId),
    resetNext: (operationId) => engine.resetNext(operationId),
    handle: (operationId, handler) => engine.handle(operationId, handler),
    reset: () => engine.reset(),
  };
  return Object.defineProperties(controls, Object.getOwnPropertyDescriptors(extra)) as FakeControls & Extra;
}
