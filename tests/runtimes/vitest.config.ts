import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packs @faxkit/types, validator and client and installs the tarballs with npm into ONE fresh
    // project outside the workspace; every runtime runs the smoke script or the Worker there (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    // npm install and seven runtimes' child processes (workerd a grandchild) on a shared 2-core
    // machine: generous limits. Each child process has its own, shorter timeout (see test/runtimes.test.ts).
    testTimeout: 90_000,
    hookTimeout: 240_000,
    reporters: ["default", ["json", { outputFile: ".vitest/results.json" }]],
  },
});
