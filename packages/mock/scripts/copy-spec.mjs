// Ships the resolved spec (vendor spec + overlays, written by @faxkit/codegen) inside the
// package, so an installed @faxkit/mock serves it without the repository.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "..", "..", "openapi", "dist", "faxplus.resolved.json");
mkdirSync(join(root, "spec"), { recursive: true });
copyFileSync(source, join(root, "spec", "faxplus.resolved.json"));
