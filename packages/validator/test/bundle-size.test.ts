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
