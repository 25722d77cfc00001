import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", msw: "src/msw.ts", cli: "src/cli.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", msw: "src/msw.ts" } },
  clean: true,
  target: "es2022",
  platform: "node",
  shims: true,
});
