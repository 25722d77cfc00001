import { defineConfig } from "vitest/config";

/**
 * The suite runs three times, once per backend (the project name is in every test's name):
 * - `prism`: the Prism mock (`startMock()`), one for the whole run, started by the global setup;
 * - `fake`: the stateful fake over HTTP (`startFake()`), one per test file (it starts in
 *   milliseconds), so each file drives its own fake's controls (`failNext`, `clock`, `seed`, `requests`);
 * - `msw`: the same fake through its MSW front end (`createFakeHandlers` + `setupServer`), one per
 *   test file, in the file's process: no port, and an unhandled request is an error.
 * Backend-specific files live in their own folders and run only in their projects:
 * `test/prism/` pins what Prism does (callbacks), `test/fake/` drives the fake's scenarios (both
 * fake front ends).
 */
const shared = ["test/*.test.ts"];
const onTheFake = [...shared, "test/fake/**/*.test.ts"];
const globalSetup = ["test/global-setup.ts"];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
    projects: [
      { extends: true, test: { name: "prism", include: [...shared, "test/prism/**/*.test.ts"], globalSetup } },
      { extends: true, test: { name: "fake", include: onTheFake, globalSetup } },
      { extends: true, test: { name: "msw", include: [...onTheFake, "test/msw/**/*.test.ts"], globalSetup } },
    ],
  },
});
