/**
 * The server a test file runs against, per project (vitest.config.ts): the shared Prism mock,
 * or a stateful fake of this file's own, started in `beforeAll`, reset to the contract seed
 * before every test (so one test's deletes and updates never reach the next) and stopped in
 * `afterAll`. Its controls (`failNext`, `clock`, `seed`, `requests`) are this file's to drive.
 * The fake comes through one of its two front ends: `startFake()` on a loopback port (project
 * `fake`) or MSW handlers in process (project `msw`); tests see the same `{ url, fake }`.
 */
import { type FakeControls, type FakeSeed, startFake } from "@faxkit/mock";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { contractSeed, mergeSeeds } from "../cases/fake-seed.js";
import { type RunningFake, startMswFake } from "./msw-fake.js";
import { socketFetch } from "./socket-fetch.js";

export { socketFetch };
export const backend = inject("backend");
/** True on both fake front ends (`fake`, `msw`): the stateful fake answers, with its controls. */
export const onFake = backend !== "prism";
/** True on the `msw` project: the fake's handlers answer in process, no socket carries the request. */
export const onMsw = backend === "msw";

export interface Backend {
  /** Base URL of the API on this backend: `http://127.0.0.1:<port>/v3`, or the MSW handlers' `http://fake.test/v3`. */
  readonly url: string;
  /** The file's fake (only on a fake front end: a Prism test asking for it is a bug in the test). */
  readonly fake: FakeControls;
}

export interface BackendOptions {
  /** Records the fake holds on top of the contract seed (and again after every reset). */
  seed?: FakeSeed;
}

async function startFakeFrontEnd(seed: FakeSeed): Promise<RunningFake> {
  if (onMsw) return startMswFake(seed);
  const server = await startFake({ seed });
  return { url: server.url, controls: server, stop: () => server.stop() };
}

export function backendForFile(options: BackendOptions = {}): Backend {
  let fake: RunningFake | undefined;
  if (onFake) {
    beforeAll(async () => {
      fake = await startFakeFrontEnd(mergeSeeds(contractSeed(inject("hookSink")), options.seed));
    });
    beforeEach(() => fake?.controls.reset());
    afterAll(() => fake?.stop());
  }
  return {
    get url() {
      if (!onFake) return inject("mockUrl");
      if (fake === undefined) throw new Error("the fake is not started yet: read backend.url inside a test or hook");
      return fake.url;
    },
    get fake() {
      if (fake === undefined) throw new Error(`no fake on the ${backend} backend (or not started yet)`);
      return fake.controls;
    },
  };
}
