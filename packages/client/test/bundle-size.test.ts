import { existsSync } from "node:fs";
import { builtinModules } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * What a browser app pays for `import { createFaxPlusClient } from "@faxkit/client"`: the
 * main entry (../src/index.ts) bundled by esbuild with everything it imports — openapi-fetch,
 * @faxkit/types' call table (from its built dist, as users get them) — minified, ESM, for the
 * browser, no externals, with code splitting as an app bundler does it. The INITIAL load is
 * the entry chunk plus every chunk it imports statically, concatenated and gzipped (level 9);
 * the helpers loaded on first use (bulkUpdateAll, listAll, files, OAuth2 refresh, error
 * building and parsing, Retry-After parsing, the body guard, the resource methods' per-call
 * code) land in their own chunks and are printed separately.
 */
const packageRoot = fileURLToPath(new URL("..", import.meta.url));
/**
 * Regression guard on the initial load: the 8 kB target for the published package (issues 6, 13).
 * Today's figure is about 7,890 B, of which openapi-fetch is about 2.6 kB; the per-call code of
 * resource methods, the body guard and error building load apart (see the README).
 */
const BUDGET_BYTES = 8 * 1024;
const NODE_BUILTINS = new Set(builtinModules);

interface Chunk {
  file: string;
  min: number;
  gzip: number;
  inputs: Record<string, number>;
}

interface Measured {
  initial: Chunk[];
  lazy: Chunk[];
  initialMin: number;
  initialGzip: number;
  metafile: Metafile;
}

async function measure(entry: string): Promise<Measured> {
  const result = await build({
    entryPoints: [join(packageRoot, entry)],
    absWorkingDir: packageRoot,
    bundle: true,
    minify: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    outdir: join(packageRoot, ".bundle-size"),
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const byName = new Map(Object.entries(outputs).map(([path, output]) => [basename(path), { path, output }]));
  // The measured entry's own chunk (every chunk loaded by `import()` has an entryPoint too).
  const entryPath = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === entry) as string;
  const initialPaths = new Set<string>();
  const stack = [entryPath];
  while (stack.length > 0) {
    const path = stack.pop() as string;
    if (initialPaths.has(path)) continue;
    initialPaths.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === "import-statement") stack.push(imported.path);
  }
  const initial: Chunk[] = [];
  const lazy: Chunk[] = [];
  const initialBytes: Uint8Array[] = [];
  for (const file of result.outputFiles) {
    const found = byName.get(basename(file.path));
    if (!found) continue;
    const inputs = Object.fromEntries(
      Object.entries(found.output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path, input]) => [path, input.bytesInOutput]),
    );
    const chunk = { file: basename(file.path), min: file.contents.length, gzip: gzipSync(file.contents, { level: 9 }).length, inputs };
    if (initialPaths.has(found.path)) {
      initial.push(chunk);
      initialBytes.push(file.contents);
    } else lazy.push(chunk);
  }
  const all = Buffer.concat(initialBytes.map((bytes) => Buffer.from(bytes)));
  return { initial, lazy, initialMin: all.length, initialGzip: gzipSync(all, { level: 9 }).length, metafile: result.metafile };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;

function describeChunks(chunks: Chunk[]): string {
  return chunks
    .map((chunk) => {
      const top = Object.entries(chunk.inputs)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([path, bytes]) => `${path.replace(/^.*node_modules\//, "")} ${bytes}`)
        .join(", ");
      return `    ${chunk.file.padEnd(34)} ${String(chunk.min).padStart(6)} B min ${String(chunk.gzip).padStart(5)} B gzip  (${top})`;
    })
    .join("\n");
}

/** Every import in the bundle graph that names a Node built-in (`node:fs`, `fs`, `stream`, …). */
function nodeImports(metafile: Metafile): string[] {
  const found: string[] = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      const bare = imported.path.replace(/^node:/, "").split("/")[0] ?? "";
      if (imported.path.startsWith("node:") || NODE_BUILTINS.has(imported.path) || NODE_BUILTINS.has(bare))
        found.push(`${file} imports ${imported.path}`);
    }
  }
  return found;
}

const typesDist = join(packageRoot, "node_modules", "@faxkit", "types", "dist", "index.js");
let main: Promise<Measured> | undefined;
const mainBundle = () => {
  if (!existsSync(typesDist)) throw new Error(`${typesDist} is missing: build @faxkit/types first (pnpm build)`);
  main ??= measure("src/index.ts");
  return main;
};

describe("bundle of the main entry (@faxkit/client)", () => {
  it("bundles for the browser with no externals, and imports nothing from Node", async () => {
    // platform "browser" and no externals: an import of a Node built-in cannot resolve, so the build itself fails.
    expect(nodeImports((await mainBundle()).metafile)).toEqual([]);
  });

  it("does not reach src/node.ts", async () => {
    const inputs = Object.keys((await mainBundle()).metafile.inputs);
    expect(inputs).toContain("src/client.ts");
    expect(inputs).not.toContain("src/node.ts");
  });

  it("loads bulkUpdateAll (and its validators), listAll, files and OAuth2 refresh only on first use", async () => {
    const { initial, lazy } = await mainBundle();
    const initialInputs = initial.flatMap((chunk) => Object.keys(chunk.inputs));
    const lazyInputs = lazy.flatMap((chunk) => Object.keys(chunk.inputs));
    for (const module of [
      "src/resources/bulk-update-all.ts",
      "src/resources/list-all.ts",
      "src/resources/files.ts",
      "src/internal/oauth-refresh.ts",
      "src/internal/error-from-response.ts",
    ]) {
      expect(initialInputs, module).not.toContain(module);
      expect(lazyInputs, module).toContain(module);
    }
    // FaxValidationError (re-exported for `instanceof`) is the one piece of the validator loaded up front.
    const validatorCode = initialInputs.filter((path) => path.includes("validator/") && !/validator\/dist\/errors(\.js|\/)/.test(path));
    expect(validatorCode).toEqual([]);
  });

  it(`keeps the initial load under the ${kB(BUDGET_BYTES)} regression guard, openapi-fetch included`, async () => {
    const bundle = await mainBundle();
    const report =
      `@faxkit/client main entry, initial load (esbuild, minified, ESM, browser, splitting, no externals): ` +
      `${bundle.initialMin} B = ${kB(bundle.initialMin)} min, ${bundle.initialGzip} B = ${kB(bundle.initialGzip)} min+gzip\n` +
      `  initial chunks:\n${describeChunks(bundle.initial)}\n  loaded on first use:\n${describeChunks(bundle.lazy)}`;
    console.log(report);
    expect(bundle.initialGzip, report).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("with validationMiddleware() on, grows the initial load by at most 2 kB gzip and loads no validator up front", async () => {
    const base = await mainBundle();
    const withMiddleware = await measure("test/fixtures/client-with-middleware.ts");
    const initialInputs = withMiddleware.initial.flatMap((chunk) => Object.keys(chunk.inputs));
    // Up front: only the generated loader table (one `import()` per operation), no validator.
    const generated = initialInputs.filter((path) => path.includes("/dist/generated/"));
    expect(generated.map((path) => path.replace(/^.*\/dist\//, "dist/"))).toEqual(["dist/generated/operation-loaders.js"]);
    expect(initialInputs.filter((path) => path.endsWith("/dist/internal/runtime.js"))).toEqual([]);
    const growth = withMiddleware.initialGzip - base.initialGzip;
    console.log(
      `@faxkit/client + validationMiddleware, initial load: ${withMiddleware.initialMin} B min, ${withMiddleware.initialGzip} B min+gzip ` +
        `(+${withMiddleware.initialMin - base.initialMin} B min, +${growth} B gzip over the client alone)`,
    );
    expect(growth).toBeLessThanOrEqual(2 * 1024);
  });
});

it("prints the webhooks entry's figure (@faxkit/client/webhooks) and bundles it for the browser", async () => {
  const bundle = await measure("src/webhooks.ts");
  console.log(
    `@faxkit/client/webhooks: ${bundle.initialMin} B = ${kB(bundle.initialMin)} min, ${bundle.initialGzip} B = ${kB(bundle.initialGzip)} min+gzip`,
  );
  expect(nodeImports(bundle.metafile)).toEqual([]);
});

it("prints the oauth entry's figure (@faxkit/client/oauth) and bundles it for the browser", async () => {
  const bundle = await measure("src/oauth.ts");
  console.log(
    `@faxkit/client/oauth: ${bundle.initialMin} B = ${kB(bundle.initialMin)} min, ${bundle.initialGzip} B = ${kB(bundle.initialGzip)} min+gzip`,
  );
  expect(nodeImports(bundle.metafile)).toEqual([]);
});
