import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // One browser at a time: browser.test.ts counts the Chromium processes it leaves behind,
    // and another file's Chromium started meanwhile would look like one of them.
    fileParallelism: false,
    // Each wait inside is bounded more tightly; these are the backstops.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
