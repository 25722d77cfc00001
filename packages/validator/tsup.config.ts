import { defineConfig } from "tsup";

// ESM (dist/*.js + .d.ts) is emitted by `tsc` module for module, so a bundler sees one
// module per schema and keeps only those used. CommonJS users get one bundle per entry.
export default defineConfig({
  entry: ["src/index.ts", "src/validate.ts", "src/is.ts", "src/assert.ts", "src/runtime.ts"],
  outDir: "dist/cjs",
  format: ["cjs"],
  dts: true,
  clean: false,
  target: "es2022",
  platform: "neutral",
});
