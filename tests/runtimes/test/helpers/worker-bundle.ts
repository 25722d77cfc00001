/**
 * Bundles the Worker entry with esbuild FROM the fresh project: the @faxkit packages come from
 * its node_modules (the packed tarballs), for the browser platform, so a Node built-in or a
 * runtime-specific import (`cloudflare:*`) fails the build instead of reaching the runtime.
 */
import { join } from "node:path";
import { build, type Metafile } from "esbuild";

/** How one runtime wants the Worker. */
export interface BundleTarget {
  /** The entry in the project (copied there from test/fixtures). */
  entry: string;
  /** workerd runs a module, the Edge Runtime evaluates a script. */
  format: "esm" | "iife";
  /** The export conditions the runtime's own bundler uses, before `browser`. */
  conditions: string[];
  outfile: string;
}

/** The written bundle and what went into it. */
export interface WorkerBundle {
  file: string;
  /** Each input as its npm package, or `./file` for the project's own files; sorted, no repeats. */
  sources: string[];
  /** Imports left in the output for the runtime to resolve (none expected). */
  external: string[];
}

/** `node_modules/@faxkit/client/dist/index.js` → `@faxkit/client`; `worker.mjs` → `./worker.mjs`. */
function sourceOf(input: string): string {
  const inPackage = input.split("node_modules/").at(-1) ?? input;
  if (inPackage === input) return `./${input}`;
  const [scopeOrName = "", name = ""] = inPackage.split("/");
  return scopeOrName.startsWith("@") ? `${scopeOrName}/${name}` : scopeOrName;
}

function externalImports(metafile: Metafile): string[] {
  return Object.values(metafile.outputs).flatMap((output) => output.imports.filter((item) => item.external).map((item) => item.path));
}

/**
 * @example
 * ```ts
 * const bundle = await bundleWorker(projectDir, { entry: "worker.mjs", format: "esm", conditions: ["workerd", "worker"], outfile: "worker.workerd.mjs" });
 * ```
 */
export async function bundleWorker(projectDir: string, target: BundleTarget): Promise<WorkerBundle> {
  const file = join(projectDir, target.outfile);
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: [join(projectDir, target.entry)],
    outfile: file,
    bundle: true,
    platform: "browser",
    format: target.format,
    target: "es2022",
    conditions: target.conditions,
    metafile: true,
    logLevel: "silent",
  });
  const sources = [...new Set(Object.keys(result.metafile.inputs).map(sourceOf))].sort();
  return { file, sources, external: externalImports(result.metafile) };
}
