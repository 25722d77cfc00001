import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * The validators must run where a strict Content-Security-Policy forbids `eval` and
 * `new Function`. The bundled package is executed in a V8 context with code generation
 * from strings disabled (what `script-src` without 'unsafe-eval' does in a browser): any
 * runtime compilation would throw an EvalError there.
 */
const packageRoot = fileURLToPath(new URL("..", import.meta.url));

async function bundle(entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: packageRoot, loader: "ts" },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "faxkit",
    platform: "neutral",
    logLevel: "silent",
  });
  return (result.outputFiles[0] as { text: string }).text;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(js|cjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("no code generation at run time (strict CSP)", () => {
  it("validates inside a V8 context where eval and new Function are disabled", async () => {
    const code = await bundle(`export { validate, validateRequest, validateResponse } from "@faxkit/validator";`);
    const context = createContext({ console }, { codeGeneration: { strings: false, wasm: false } });
    expect(() => runInContext("eval('1')", context)).toThrow(/Code generation from strings disallowed/);
    runInContext(code, context);
    const outcome = runInContext(
      `[
        faxkit.validate.BulkFaxUpdateRequest({ ids: ["a"], is_read: false }).ok,
        faxkit.validate.BulkFaxUpdateRequest({ ids: [] }).issues.length,
        faxkit.validateRequest("listFaxes", { params: { path: { user_id: "self" }, query: { limit: 99 } } }).ok,
        faxkit.validateResponse("bulkUpdateFaxes", 200, { results: [{ id: "a", code: 204 }] }).ok,
      ]`,
      context,
    );
    expect(outcome).toEqual([true, 2, false, true]);
  });

  it("no built file contains eval or the Function constructor", () => {
    const files = sourceFiles(join(packageRoot, "dist"));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
    }
  });
});
