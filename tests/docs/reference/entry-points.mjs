// Which source file documents each public entry point, read from the packages' `exports` maps:
// a new subpath export lands in the reference (and under the doc-comment lint) on its own.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The documented packages, in conversion order: a symbol one package re-exports from another
 * (the client's `Fax`, `FaxValidationError`) is documented where it is declared, and the
 * later module links to it.
 */
export const DOCUMENTED_PACKAGES = ["types", "validator", "client", "mock"];

/**
 * @typedef {object} EntryPoint
 * @property {string} packageName e.g. `@faxkit/client`
 * @property {string} subpath the `exports` key, e.g. `.` or `./webhooks`
 * @property {string} moduleName what users import, e.g. `@faxkit/client/webhooks`
 * @property {string} source the absolute path of the `.ts` file behind it
 */

/**
 * Every public entry point of `DOCUMENTED_PACKAGES`, in order. `./dist/<name>.d.ts` (the ESM
 * types condition) is built from `./src/<name>.ts`; an export that does not follow that shape
 * is an error, not a silent gap in the reference.
 *
 * @param {string} root
 * @returns {EntryPoint[]}
 */
export function publicEntryPoints(root = ROOT) {
  return DOCUMENTED_PACKAGES.flatMap((dir) => packageEntryPoints(join(root, "packages", dir)));
}

/** @param {string} packageDir @returns {EntryPoint[]} */
function packageEntryPoints(packageDir) {
  const manifestPath = join(packageDir, "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  return Object.entries(manifest.exports ?? {})
    .filter(([subpath]) => subpath !== "./package.json")
    .map(([subpath, target]) => {
      const types = target?.import?.types;
      const match = typeof types === "string" ? /^\.\/dist\/(.+)\.d\.ts$/.exec(types) : null;
      if (!match) throw new Error(`${manifestPath}: exports["${subpath}"].import.types is not ./dist/<name>.d.ts`);
      const source = join(packageDir, "src", `${match[1]}.ts`);
      if (!existsSync(source)) throw new Error(`${manifestPath}: exports["${subpath}"] has no source file ${source}`);
      const moduleName = subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      return { packageName: manifest.name, subpath, moduleName, source };
    });
}

/**
 * `paths` that send every workspace import to its source, so a re-exported symbol is one
 * reflection (with the comment of its declaration) instead of a copy read from `dist/`.
 *
 * @param {EntryPoint[]} entryPoints
 * @returns {Record<string, string[]>}
 */
export function sourcePaths(entryPoints) {
  return Object.fromEntries(entryPoints.map((entry) => [entry.moduleName, [entry.source]]));
}
