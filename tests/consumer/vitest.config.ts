import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packs every public package and installs the tarballs with npm into ONE fresh project
    // outside the workspace; every test file reads that project (see test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    // tsc, attw, npm and Node child processes on a shared 2-core machine: generous limits.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
