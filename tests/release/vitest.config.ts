import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test copies the repository's manifests to a temporary directory and runs the
    // changesets CLI, git and pnpm there as child processes: seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
