import { defineConfig } from "tsup";

export default defineConfig({
  // The main entry uses only fetch and Web APIs; Node-only helpers live in `node`.
  entry: { index: "src/index.ts", webhooks: "src/webhooks.ts", oauth: "src/oauth.ts", node: "src/node.ts", redact: "src/redact.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  // Shared chunks in CommonJS too, so `/node`, `/webhooks`, `/oauth` and `/redact` reuse the main entry's error classes (instanceof works across entries).
  splitting: true,
  external: ["node:fs", "node:fs/promises", "node:path", "node:stream"],
  // CommonJS with shared chunks is esbuild's ESM rewritten by sucrase, which would lower class
  // fields itself and name every error class `_class` (util.inspect shows `_class [TimeoutError]`).
  // esbuild lowers them first, keeping `var TimeoutError = class …`, so each class keeps its name.
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.supported = { ...options.supported, "class-field": false, "class-static-field": false };
  },
});
