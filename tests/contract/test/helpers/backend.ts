/**
 * The server a test file runs against, per project (vitest.config.ts): the shared Prism mock,
 * or a stateful fake of this file's own, started in `beforeAll`, reset to the contract seed
 * before every test (so one test's deletes and updates never reach the next) and stopped in
 * `afterAll`. Its controls (`failNext`, `clock`, `seed`, `requests`) are this file's to drive.
 */
import { type FakeSeed, type FakeServer, startFake } from "@faxkit/mock";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { contractSeed, mergeSeeds } from "../cases/fake-seed.js";

export const backend = inject("backend");
export const onFake = backend === "fake";

export interface Backend {
  /** Base URL of the API on this backend: `http://127.0.0.1:<port>/v3`. */
  readonly url: string;
  /** The file's fake (only on the fake: a Prism test asking for it is a bug in the test). */
  readonly fake: FakeServer;
}

export interface BackendOptions {
  /** Records the fake holds on top of the contract seed (and again after every reset). */
  seed?: FakeSeed;
}

export function backendForFile(options: BackendOptions = {}): Backend {
  let fake: FakeServer | undefined;
  if (onFake) {
    beforeAll(async () => {
      fake = await startFake({ seed: mergeSeeds(contractSeed(inject("hookSink")), options.seed) });
    });
    beforeEach(() => fake?.reset());
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
      return fake;
    },
  };
}
