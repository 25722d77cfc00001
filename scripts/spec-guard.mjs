#!/usr/bin/env node
// CI's spec guard (.ci/run, after the codegen is built): this repository's shortcut for
// `faxkit-codegen guard [--record [--changeset <file>]]` (packages/codegen/src/release/guard/) on its own config.
import { fileURLToPath } from "node:url";

process.argv.splice(2, 0, "guard", "--config", fileURLToPath(new URL("../faxkit.config.json", import.meta.url)));
await import("../packages/codegen/dist/cli.js");
