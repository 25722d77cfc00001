#!/usr/bin/env node
// Thin launcher: the CLI itself is built from src/cli.ts into dist/.
import("../dist/cli.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli.js")) {
    console.error("faxkit-codegen: the package is not built yet. Run `pnpm build` (or `pnpm --filter @faxkit/codegen build`) first.");
    process.exit(1);
  }
  throw error;
});
