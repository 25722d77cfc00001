import { defineConfig } from "vitest/config";

/**
 * The suite runs twice, once per backend (the project name is in every test's name):
 * - `prism`: the Prism mock (`startMock()`), one for the whole run, started by the global setup;
 * - `fake`: the stateful fake (`startFake()`), one per test file (it starts in milliseconds), so
 *   each file drives its own fake's controls (`failNext`, `clock`, `seed`, `requests`).
 * Backend-specific files live in their own folders and run only in their project:
 * `test/prism/` pins what Prism does (callbacks), `test/fake/` drives the fake's scenarios.
 */
const shared = ["test/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
    projects: [
      {
        extends: true,
        test: { name: "prism", include: [...shared, "test/prism/**/*.test.ts"], globalSetup: ["test/global-setup.ts"] },
      },
      {
        extends: true,
        test: { name: "fake", include: [...shared, "test/fake/**/*.test.ts"], globalSetup: ["test/global-setup.ts"] },
      },
    ],
  },
});
