import type { FakeEngine, FakeRequest, FakeResponse } from "../../../../src/fake/fake-types.js";

/** A stand-in engine: answers with `script`, keeps every request it was given and every control call. */
export interface ScriptedEngine extends FakeEngine {
  /** What the engine was asked, oldest first. */
  readonly received: FakeRequest[];
  /** Control calls, by name, with their arguments. */
  readonly calls: Array<[string, unknown[]]>;
  closed: number;
}

/** The front ends' test double of the engine contract: no state, only the scripted answer. */
export function scriptedEngine(script: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>): ScriptedEngine {
  const received: FakeRequest[] = [];
  const calls: Array<[string, unknown[]]> = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, args]);
    };
  const engine: ScriptedEngine = {
    received,
    calls,
    closed: 0,
    clock: { now: () => 0, advance: async () => undefined },
    requests: [],
    seed: record("seed"),
    failNext: record("failNext"),
    latency: record("latency"),
    resetNext: record("resetNext"),
    handle: record("handle"),
    reset: record("reset"),
    async answer(request) {
      received.push(request);
      return script(request);
    },
    async close() {
      engine.closed++;
    },
  };
  return engine;
}

/** A JSON answer. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}
