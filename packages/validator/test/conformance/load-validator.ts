/**
 * Compiles a schema the way the generated validators are compiled, and loads the result.
 *
 * `emitStandaloneValidator` (from @faxkit/codegen) returns the source of a module exporting
 * `check`; it is written as a .ts file into a scratch folder (gitignored, removed after the
 * run) so that vitest transforms and imports it like any generated validator module. Its
 * runtime import points at src/internal/runtime.ts, the same module instance the tests use
 * to call `run`.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { emitStandaloneValidator } from "@faxkit/codegen";
import type { Check } from "../../src/internal/runtime.js";

const here = dirname(fileURLToPath(import.meta.url));
/** Scratch root; listed in the repository's .gitignore. */
export const SCRATCH_ROOT = join(here, ".generated");
const RUNTIME = join(here, "..", "..", "src", "internal", "runtime.ts");

export interface ValidatorLoader {
  /** Emits, writes and imports the validator of `schema` (`$ref`s resolve in `root`). */
  load(schema: unknown, root?: unknown): Promise<Check>;
  /** The emitted source of the last module loaded (for failure messages). */
  readonly lastSource: string;
  /** Removes this loader's scratch folder. */
  dispose(): void;
}

/**
 * A loader with its own scratch folder (unique per test file and run, so parallel runs
 * never see each other's files).
 */
export function createValidatorLoader(tag: string): ValidatorLoader {
  mkdirSync(SCRATCH_ROOT, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH_ROOT, `${tag}-`));
  const runtime = relative(dir, RUNTIME).split(sep).join("/").replace(/\.ts$/, ".js");
  let counter = 0;
  let lastSource = "";
  return {
    async load(schema, root = schema) {
      const source = emitStandaloneValidator(schema, runtime, root);
      lastSource = source;
      const file = join(dir, `v${counter++}.ts`);
      writeFileSync(file, `// @ts-nocheck -- emitted by emitStandaloneValidator\n${source}`);
      const module = (await import(/* @vite-ignore */ file)) as { check: Check };
      if (typeof module.check?.test !== "function" || typeof module.check.collect !== "function")
        throw new Error(`the emitted module does not export a check (test and collect):\n${source}`);
      return module.check;
    },
    get lastSource() {
      return lastSource;
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
      try {
        if (readdirSync(SCRATCH_ROOT).length === 0) rmdirSync(SCRATCH_ROOT);
      } catch {
        // another run is using it (or removed it already)
      }
    },
  };
}
