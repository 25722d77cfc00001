import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds dist/ once, so every test runs the bin exactly as users do.
    globalSetup: ["./test/support/global-setup.ts"],
    // The tests mostly wait on subprocesses and the fake's latency, so more files run at once than there are cores.
    maxWorkers: 4,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
