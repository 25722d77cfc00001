import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", runtime: "src/internal/runtime.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  // One module per schema survives into dist, so a bundler can drop the validators a user never imports.
  splitting: true,
  treeshake: true,
});
