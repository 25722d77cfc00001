import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, createLogger, type PluginOption, type Rolldown } from "vite";

/** The page folder: `index.html` + `main.ts`. */
export const PAGE_DIR = fileURLToPath(new URL("../../page/", import.meta.url));

export interface BuiltPage {
  /** The temp folder holding the bundle and Vite's cache; remove it when done. */
  tempDir: string;
  /** Where the bundle was written (in `tempDir`). */
  outDir: string;
  /** The chunks and assets Vite wrote. */
  output: (Rolldown.OutputChunk | Rolldown.OutputAsset)[];
  /** Vite's warnings, e.g. a `node:` module externalized for browser compatibility. */
  warnings: string[];
}

/** The folder of the MSW page: `index.html` + `main.ts`. */
export const MSW_PAGE_DIR = fileURLToPath(new URL("../../msw-page/", import.meta.url));

/** Bundles the page in `root` with Vite's JS API (no config file; `plugins` only) into a temp folder. */
export async function buildPage(root: string = PAGE_DIR, plugins: PluginOption[] = []): Promise<BuiltPage> {
  const base = await mkdtemp(join(tmpdir(), "faxkit-browser-"));
  const outDir = join(base, "dist");
  const warnings: string[] = [];
  const logger = createLogger("warn", { allowClearScreen: false });
  const customLogger = {
    ...logger,
    warn(message: string, options?: Parameters<typeof logger.warn>[1]) {
      warnings.push(message);
      logger.warn(message, options);
    },
    warnOnce(message: string, options?: Parameters<typeof logger.warnOnce>[1]) {
      warnings.push(message);
      logger.warnOnce(message, options);
    },
  };
  // A failed build (e.g. a package's dist being rebuilt meanwhile) leaves no temp folder behind.
  const result = await build({
    root,
    configFile: false,
    plugins,
    envDir: false,
    mode: "production",
    logLevel: "warn",
    customLogger,
    cacheDir: join(base, "vite-cache"),
    build: { outDir, emptyOutDir: true, target: "es2022", sourcemap: false, reportCompressedSize: false },
  }).catch(async (error: unknown) => {
    await rm(base, { recursive: true, force: true });
    throw error;
  });
  const outputs = Array.isArray(result) ? result : [result];
  const output = outputs.flatMap((entry) => ("output" in entry ? entry.output : []));
  if (output.length === 0) {
    await rm(base, { recursive: true, force: true });
    throw new Error("vite build returned no output");
  }
  return { tempDir: base, outDir, output, warnings };
}
