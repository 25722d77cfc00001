import { defineConfig } from "tsup";

// ESM (dist/*.js + .d.ts) is emitted by `tsc` module for module, so a bundler sees one
// module per schema and keeps only those used, and the middleware's `import()` of each
// operation's validators stays a dynamic import (its own chunk in an app bundle).
// CommonJS is bundled by tsup with shared chunks (`splitting`), so every subpath
// (`/assert`, `/runtime`, `/middleware`, `/errors`, the root) requires the same `FaxValidationError`
// and the same validators: `instanceof` holds across entries and no schema's code is
// shipped twice. Splitting also gives each operation's validators their own chunk, and
// the middleware's `import()` of one becomes a `require` of that chunk.
export default defineConfig({
  entry: ["src/index.ts", "src/validate.ts", "src/is.ts", "src/assert.ts", "src/runtime.ts", "src/middleware.ts", "src/errors.ts"],
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
