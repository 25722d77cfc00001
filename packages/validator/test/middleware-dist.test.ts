import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { paths } from "@faxkit/types";
import { build, type Metafile } from "esbuild";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";

/**
 * The built package, as users get it: each operation's validators are a chunk of their
 * own in both builds, the middleware's `import()` of them works from ESM and from
 * CommonJS, and an app bundle that imports the middleware loads no validator up front.
 */
const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const cjsDir = join(packageRoot, "dist", "cjs");
const requireFromPackage = createRequire(join(packageRoot, "package.json"));

/** The budget for the initial load of the middleware alone (about 1.6 kB today, most of it @faxkit/types' call table). */
const INITIAL_BUDGET_GZIP = 2 * 1024;

type Middleware = typeof import("../src/middleware.js");
type Root = typeof import("../src/index.js");

function clientWith(middleware: Middleware, reply: () => Response) {
  const sent: Request[] = [];
  const client = createClient<paths>({
    baseUrl: "https://restapi.fax.plus/v3",
    fetch: async (request: Request) => {
      sent.push(request);
      return reply();
    },
  });
  client.use(middleware.validationMiddleware());
  return { client, sent };
}

const ok = () => new Response(JSON.stringify({ results: [{ id: "a", code: 204 }] }), { headers: { "content-type": "application/json" } });
const tooManyIds = { ids: Array.from({ length: 101 }, (_, i) => `id${i}`), is_read: true };

describe.each([
  ["ESM", async () => [await import("@faxkit/validator/middleware"), await import("@faxkit/validator")] as [Middleware, Root]],
  [
    "CommonJS",
    async () => [requireFromPackage("@faxkit/validator/middleware"), requireFromPackage("@faxkit/validator")] as [Middleware, Root],
  ],
])("the built middleware (%s)", (_format, load) => {
  it("loads the called operation's validators and rejects an invalid request with the package's FaxValidationError", async () => {
    const [middleware, root] = await load();
    const { client, sent } = clientWith(middleware, ok);
    const call = client.PUT("/accounts/{user_id}/faxes", { params: { path: { user_id: "self" } }, body: tooManyIds });
    await expect(call).rejects.toBeInstanceOf(root.FaxValidationError);
    await expect(call).rejects.toThrow("invalid bulkUpdateFaxes request: /body/ids: must have at most 100 items (got 101)");
    expect(sent).toHaveLength(0);
    const { data } = await client.PUT("/accounts/{user_id}/faxes", {
      params: { path: { user_id: "self" } },
      body: { ids: ["a"], is_read: true },
    });
    expect(data).toEqual({ results: [{ id: "a", code: 204 }] });
  });
});

it("the CommonJS build puts each operation's validators in a chunk of their own", () => {
  const files = readdirSync(cjsDir).filter((file) => file.endsWith(".cjs"));
  const byOperation = new Map<string, string[]>();
  for (const file of files) {
    const found = [...readFileSync(join(cjsDir, file), "utf8").matchAll(/\boperationId\d* = "(\w+)"/g)].map((match) => match[1] as string);
    expect(found.length, `${file} holds ${found.join(", ")}`).toBeLessThanOrEqual(1);
    for (const operationId of found) byOperation.set(operationId, [...(byOperation.get(operationId) ?? []), file]);
  }
  expect(byOperation.size).toBe(readdirSync(join(packageRoot, "src", "generated", "operations")).length);
  for (const [operationId, holders] of byOperation) expect(holders, operationId).toHaveLength(1);
});

interface InitialLoad {
  min: number;
  gzip: number;
  inputs: string[];
  lazyInputs: string[];
}

/** Bundles `contents` as an app would (esbuild, minified, ESM, browser, splitting) and measures what loads before any `import()`. */
async function initialLoad(contents: string): Promise<InitialLoad> {
  const result = await build({
    stdin: { contents, resolveDir: packageRoot, loader: "ts" },
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
  const outputs: Metafile["outputs"] = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === "<stdin>") as string;
  const initial = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const path = stack.pop() as string;
    if (initial.has(path)) continue;
    initial.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === "import-statement") stack.push(imported.path);
  }
  const live = (path: string) => Object.entries(outputs[path]?.inputs ?? {}).filter(([, input]) => input.bytesInOutput > 0);
  const bytes = Buffer.concat(
    result.outputFiles
      .filter((file) => [...initial].some((path) => file.path.endsWith(path.split("/").pop() as string)))
      .map((file) => file.contents),
  );
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    inputs: [...initial].flatMap((path) => live(path).map(([input]) => input)),
    lazyInputs: Object.keys(outputs)
      .filter((path) => !initial.has(path))
      .flatMap((path) => live(path).map(([input]) => input)),
  };
}

describe.each([
  [
    "@faxkit/validator/middleware",
    `import { validationMiddleware } from "@faxkit/validator/middleware"; console.log(validationMiddleware());`,
  ],
  ["@faxkit/validator", `import { validationMiddleware } from "@faxkit/validator"; console.log(validationMiddleware());`],
])("an app bundle importing validationMiddleware from %s", (specifier, contents) => {
  it(`loads no validator up front, only the route table, and stays under ${INITIAL_BUDGET_GZIP} B min+gzip`, async () => {
    const load = await initialLoad(contents);
    console.log(`validationMiddleware from ${specifier}, initial load: ${load.min} B min, ${load.gzip} B min+gzip`);
    // The generated loader table (one `import()` per operation) is the only generated module up front.
    const generated = load.inputs.filter((input) => input.includes("dist/generated/"));
    expect(generated).toEqual(["dist/generated/operation-loaders.js"]);
    expect(load.inputs.filter((input) => input.endsWith("dist/internal/runtime.js"))).toEqual([]);
    const operations = readdirSync(join(packageRoot, "src", "generated", "operations")).map((file) => file.replace(/\.ts$/, ".js"));
    for (const file of operations) expect(load.lazyInputs, file).toContain(`dist/generated/operations/${file}`);
    expect(load.gzip).toBeLessThanOrEqual(INITIAL_BUDGET_GZIP);
  });
});
