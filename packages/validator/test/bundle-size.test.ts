import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

/**
 * Importing one validator must not load all of them: a bundle that uses one schema's
 * validator (through the `@faxkit/validator/validate` subpath) must be at most a tenth of
 * one that uses them all. Measured with esbuild, minified, from the built package.
 */
const packageRoot = fileURLToPath(new URL("..", import.meta.url));

async function minified(contents: string): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents, resolveDir: packageRoot, loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "neutral",
    logLevel: "silent",
  });
  return (result.outputFiles[0] as { contents: Uint8Array }).contents;
}

/**
 * The same with Rolldown (Vite's bundler): it follows
 * `validate.X` through the root's namespace re-export, which esbuild does not (evanw/esbuild#1420).
 */
async function rolldownMinified(contents: string): Promise<Uint8Array> {
  const { rolldown } = await import("rolldown");
  const entry = "\0entry.js";
  const bundle = await rolldown({
    input: entry,
    cwd: packageRoot,
    logLevel: "silent",
    plugins: [
      { name: "entry", resolveId: (id: string) => (id === entry ? id : null), load: (id: string) => (id === entry ? contents : null) },
    ],
  });
  const { output } = await bundle.generate({ format: "esm", minify: true });
  await bundle.close();
  return new TextEncoder().encode(output[0].code);
}

async function minifiedSize(contents: string): Promise<number> {
  return (await minified(contents)).length;
}

it("one validator's bundle is at most 1/10 of all validators'", async () => {
  const one = await minifiedSize(
    `import { BulkFaxUpdateRequest } from "@faxkit/validator/validate"; console.log(BulkFaxUpdateRequest({}));`,
  );
  const oneByNamespace = await minifiedSize(
    `import * as validate from "@faxkit/validator/validate"; console.log(validate.BulkFaxUpdateRequest({}));`,
  );
  const all = await minifiedSize(
    `import * as validate from "@faxkit/validator/validate"; console.log(Object.values(validate).map((f) => f({})));`,
  );
  console.log(
    `validator bundle sizes (min): one ${one} B, one via namespace import ${oneByNamespace} B, all ${all} B, ratio ${(one / all).toFixed(3)}`,
  );
  expect(one).toBeLessThanOrEqual(all / 10);
  expect(oneByNamespace).toBe(one);
});

it("a validator with $refs pulls in exactly the schemas it references", async () => {
  const list = await minifiedSize(`import { FaxList } from "@faxkit/validator/validate"; console.log(FaxList({}));`);
  const fax = await minifiedSize(`import { Fax } from "@faxkit/validator/validate"; console.log(Fax({}));`);
  const both = await minifiedSize(`import { Fax, FaxList } from "@faxkit/validator/validate"; console.log(Fax({}), FaxList({}));`);
  // FaxList → FaxListData → Fax: using FaxList already contains Fax's validator.
  expect(list).toBeGreaterThan(fax);
  expect(both - list).toBeLessThan(200);
});

it("one validator's bundle is at most 2 kB gzip (its checks, the runtime helpers it uses, nothing else)", async () => {
  const bytes = await minified(
    `import { BulkFaxUpdateRequest } from "@faxkit/validator/validate"; console.log(BulkFaxUpdateRequest(globalThis.input));`,
  );
  const gzip = gzipSync(bytes).length;
  console.log(`BulkFaxUpdateRequest alone: ${bytes.length} B minified, ${gzip} B gzip`);
  expect(gzip).toBeLessThanOrEqual(2048);
  // Only the formats a schema uses are bundled: BulkFaxUpdateRequest uses none.
  expect(new TextDecoder().decode(bytes)).not.toMatch(/\[0-9a-f\]\{8\}-/);
});

/** What a one-validator app imports from the package root, and the schemas that must not come with it. */
const ROOT_ENTRIES = {
  flat: `import { validateBulkFaxUpdateRequest } from "@faxkit/validator"; console.log(validateBulkFaxUpdateRequest(globalThis.input));`,
  namespace: `import { validate } from "@faxkit/validator"; console.log(validate.BulkFaxUpdateRequest(globalThis.input));`,
};
const otherSchema = /#\/components\/schemas\/(?!BulkFaxUpdateRequest\/)/;

it("a flat named import from the root (validateBulkFaxUpdateRequest) bundles to at most 2 kB gzip with esbuild, that validator only", async () => {
  const bytes = await minified(ROOT_ENTRIES.flat);
  const gzip = gzipSync(bytes).length;
  console.log(`root flat import, esbuild: ${bytes.length} B minified, ${gzip} B gzip`);
  expect(gzip).toBeLessThanOrEqual(2048);
  expect(new TextDecoder().decode(bytes)).not.toMatch(otherSchema);
});

it("validate.BulkFaxUpdateRequest through the root namespace bundles to at most 2 kB gzip with Rolldown, that validator only", async () => {
  const bytes = await rolldownMinified(ROOT_ENTRIES.namespace);
  const gzip = gzipSync(bytes).length;
  // esbuild keeps the whole namespace here (every validator); printed for the record, not asserted.
  const esbuildBytes = await minified(ROOT_ENTRIES.namespace);
  console.log(
    `root namespace import: Rolldown ${bytes.length} B minified, ${gzip} B gzip; esbuild ${esbuildBytes.length} B minified, ${gzipSync(esbuildBytes).length} B gzip`,
  );
  expect(gzip).toBeLessThanOrEqual(2048);
  expect(new TextDecoder().decode(bytes)).not.toMatch(otherSchema);
  expect(new TextDecoder().decode(bytes)).toMatch(/#\/components\/schemas\/BulkFaxUpdateRequest\//);
});
