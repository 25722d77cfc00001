import { builtinModules } from "node:module";
import type { Plugin } from "vite";

const BUILTINS = new Set(builtinModules);

/** `node:fs`, `fs`, `fs/promises`: a module only Node has (tsup writes them without `node:`). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || BUILTINS.has(specifier);
}

/**
 * Fails the build on any import of a Node built-in. Vite would otherwise only warn and put an
 * empty stand-in in its place, and the page would break at run time instead of at build time.
 */
export function noNodeBuiltins(): Plugin {
  return {
    name: "faxkit:no-node-builtins",
    enforce: "pre",
    resolveId(specifier, importer) {
      if (!isNodeBuiltin(specifier)) return null;
      this.error(`Node-only module ${JSON.stringify(specifier)} imported by ${importer ?? "the entry"}: a browser has no such module`);
    },
  };
}
