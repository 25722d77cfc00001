import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One template copy of the repository per run (installed offline, codegen built), cloned by each
    // test file; the tests run pnpm, turbo, tsc, git and changesets there as child processes.
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Sequential: the children are CPU-bound (tsc, codegen); in parallel they only slow each other down.
    fileParallelism: false,
    sequence: { concurrent: false },
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
