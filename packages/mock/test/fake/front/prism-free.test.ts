import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// startFake must not load Prism (about a second of imports): checked in a fresh node process on
// the built package, by the modules node has loaded, with startMock as the control that does.

const run = promisify(execFile);
const DIST = fileURLToPath(new URL("../../../dist/", import.meta.url));

/** Starts `which` from the built entry in a fresh process, answers one request, and counts the Prism modules loaded. */
async function probe(which: "startFake" | "startMock", format: "esm" | "cjs"): Promise<{ status: number; prismModules: number }> {
  const body = `
    const server = await entry.${which}();
    const answer = await fetch(server.url + "/accounts/self", { headers: { authorization: "Bearer t" } });
    const prismModules = Object.keys(cache).filter((file) => file.includes("@stoplight")).length;
    await server.stop();
    process.stdout.write(JSON.stringify({ status: answer.status, prismModules }));`;
  const script =
    format === "esm"
      ? `import { createRequire } from "node:module";
         const cache = createRequire(import.meta.url).cache;
         const entry = await import(${JSON.stringify(`${DIST}index.js`)});
         ${body}`
      : `(async () => {
           const cache = require.cache;
           const entry = require(${JSON.stringify(`${DIST}index.cjs`)});
           ${body}
         })();`;
  const args = format === "esm" ? ["--input-type=module", "-e", script] : ["-e", script];
  const { stdout } = await run(process.execPath, args, { timeout: 30_000 });
  return JSON.parse(stdout) as { status: number; prismModules: number };
}

describe("what startFake loads (built package)", () => {
  it.each(["esm", "cjs"] as const)("%s: startFake serves without loading a single Prism module; startMock loads them", async (format) => {
    expect(await probe("startFake", format)).toEqual({ status: 200, prismModules: 0 });
    const mock = await probe("startMock", format);
    expect(mock.status).toBe(200);
    expect(mock.prismModules).toBeGreaterThan(0);
  });
});

/** Every module the built ESM file `entry` imports, statically or not, following the package's own chunks. */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const text = readFileSync(`${DIST}${file}`, "utf8");
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      if (seen.has(specifier as string)) continue;
      seen.add(specifier as string);
      if ((specifier as string).startsWith("./")) visit((specifier as string).slice(2));
    }
  };
  visit(entry);
  return seen;
}

describe("what @faxkit/mock/msw imports (built package)", () => {
  it("neither Prism nor node's HTTP server, so it can run where MSW runs (a browser too)", () => {
    const graph = [...importGraph("msw.js")];
    expect(graph).toContain("msw");
    expect(graph.filter((specifier) => specifier.includes("@stoplight") || /^(node:)?(http|net|fs|fs\/promises)$/.test(specifier))).toEqual(
      [],
    );
    // The control: the root entry's graph does reach them (startMock, node's server).
    const root = [...importGraph("index.js")];
    expect(root.some((specifier) => specifier.includes("@stoplight"))).toBe(true);
    expect(root.some((specifier) => /^(node:)?http$/.test(specifier))).toBe(true);
  });
});
