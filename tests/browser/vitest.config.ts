import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Each wait inside is bounded more tightly; these are the backstops.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
