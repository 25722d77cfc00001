import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Builds the reference once for test/doc-comments.test.ts and test/reference-browser.test.ts.
    globalSetup: ["test/support/global-reference.ts"],
    // TypeDoc converts the four packages in a few seconds; Chromium and the README type-check add a few more.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
