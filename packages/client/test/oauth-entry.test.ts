import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * `@faxkit/client/oauth` as a user's Node resolves it: through package.json "exports" (the
 * package referring to itself by name), from the built dist, ESM and CommonJS. The errors it
 * throws must be the main entry's classes, or `instanceof` would fail across the two imports.
 */
const packageRoot = fileURLToPath(new URL("..", import.meta.url));

function run(args: string[]): unknown {
  for (const file of ["oauth.js", "oauth.cjs", "oauth.d.ts", "oauth.d.cts"])
    if (!existsSync(join(packageRoot, "dist", file))) throw new Error(`dist/${file} is missing: run pnpm --filter @faxkit/client build`);
  return JSON.parse(execFileSync(process.execPath, args, { cwd: packageRoot, encoding: "utf8", timeout: 15_000 }));
}

const probe = `JSON.stringify({
  functions: ["authorizationUrl", "exchangeCode", "memoryTokenStore"].map((name) => typeof oauth[name]),
  sameErrors: oauth.AuthenticationError === main.AuthenticationError && oauth.RedirectError === main.RedirectError,
  url: oauth.authorizationUrl({ clientId: "c", redirectUri: "http://localhost", state: "s" }),
})`;
const expected = {
  functions: ["function", "function", "function"],
  sameErrors: true,
  url: "https://accounts.fax.plus/login?response_type=code&client_id=c&redirect_uri=http%3A%2F%2Flocalhost&scope=all&state=s",
};

describe("the ./oauth export", () => {
  it("resolves from dist for import, sharing the main entry's error classes", () => {
    const script = `const oauth = await import("@faxkit/client/oauth"); const main = await import("@faxkit/client"); console.log(${probe});`;
    expect(run(["--input-type=module", "-e", script])).toEqual(expected);
  });

  it("resolves from dist for require, sharing the main entry's error classes", () => {
    const script = `const oauth = require("@faxkit/client/oauth"); const main = require("@faxkit/client"); console.log(${probe});`;
    expect(run(["-e", script])).toEqual(expected);
  });
});
