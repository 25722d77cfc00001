/**
 * The build guard of the MSW page: a Node built-in anywhere in a page's module graph fails the
 * Vite build with a message naming the module and who imported it, where Vite alone would only
 * warn and leave an empty stand-in that breaks at run time.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { buildPage } from "./support/build-page.js";
import { isNodeBuiltin, noNodeBuiltins } from "./support/no-node-builtins.js";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A page whose `main.js` imports `lib.js`, which imports `specifier`. */
async function pageImporting(specifier: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "faxkit-guard-page-"));
  folders.push(root);
  await writeFile(join(root, "index.html"), '<!doctype html><script type="module" src="./main.js"></script>\n');
  await writeFile(join(root, "main.js"), 'import { used } from "./lib.js";\ndocument.title = String(used);\n');
  await writeFile(
    join(root, "lib.js"),
    `import * as dependency from ${JSON.stringify(specifier)};\nexport const used = Object.keys(dependency).length;\n`,
  );
  return root;
}

describe("noNodeBuiltins: the page's build fails on a Node built-in", () => {
  test.each([
    "node:fs",
    "fs/promises",
    "http",
    "node:crypto",
  ])("importing %s fails the build, naming it and its importer", async (specifier) => {
    const root = await pageImporting(specifier);
    const error = await buildPage(root, [noNodeBuiltins()]).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toContain(`Node-only module ${JSON.stringify(specifier)} imported by`);
    expect(String((error as Error).message)).toMatch(/lib\.js/);
  });

  test("a page of browser modules builds", async () => {
    const root = await pageImporting("./data.js");
    await writeFile(join(root, "data.js"), "export const answer = 42;\n");
    const built = await buildPage(root, [noNodeBuiltins()]);
    folders.push(built.tempDir);
    expect(built.output.some((item) => item.type === "chunk" && item.code.includes("42"))).toBe(true);
  });

  test.each([
    ["node:fs", true],
    ["fs", true],
    ["fs/promises", true],
    ["stream", true],
    ["msw", false],
    ["@faxkit/client", false],
    ["./fs.js", false],
  ])("isNodeBuiltin(%j) is %j", (specifier, expected) => {
    expect(isNodeBuiltin(specifier)).toBe(expected);
  });
});
