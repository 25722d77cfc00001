import { defineConfig } from "tsup";

// ESM (dist/*.js + .d.ts) is emitted by `tsc` module for module, so a bundler sees one
// module per schema and keeps only those used. CommonJS is bundled by tsup with shared
// chunks (`splitting`), so every subpath (`/assert`, `/runtime`, the root) requires the
// same `FaxValidationError` and the same validators: `instanceof` holds across entries and
// no schema's code is shipped twice.
export default defineConfig({
  entry: ["src/index.ts", "src/validate.ts", "src/is.ts", "src/assert.ts", "src/runtime.ts"],
  outDir: "dist/cjs",
  format: ["cjs"],
  splitting: true,
  dts: true,
  clean: false,
  target: "es2022",
  platform: "neutral",
  // tsup turns split ESM chunks into CommonJS with sucrase, which would lower class fields
  // itself and name the class `_class` (util.inspect showed `_class [FaxValidationError]`).
  // esbuild lowers them first, keeping `var FaxValidationError = class …` and its name.
  esbuildOptions(options) {
    options.supported = { ...options.supported, "class-field": false, "class-static-field": false };
  },
});
