import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBlocks, ReadmeMarkerError } from "./support/readme-blocks.js";
import { typeCheckBlocks } from "./support/type-check-blocks.js";
import { SUITE_DIR } from "./support/typedoc-run.js";

const ROOT = join(SUITE_DIR, "../..");
const PACKAGE_DIRS = readdirSync(join(ROOT, "packages")).map((name) => join(ROOT, "packages", name));

/** The root README and every package's, found by listing: a package that gains a README is checked from then on. */
function readmes(): string[] {
  const inPackages = PACKAGE_DIRS.map((dir) => join(dir, "README.md")).filter((file) => existsSync(file));
  return ["README.md", ...inPackages.map((file) => file.slice(ROOT.length + 1))];
}

describe("the TypeScript blocks of the READMEs", () => {
  it("compile against the packages' built types (fragments with the names their marker declares)", async () => {
    const blocks = readmes().flatMap((readme) => extractBlocks(readFileSync(join(ROOT, readme), "utf8"), readme));
    const checked = blocks.filter((block) => block.skip === undefined);
    expect(checked.length).toBeGreaterThan(0);
    expect(await typeCheckBlocks(checked, PACKAGE_DIRS)).toEqual([]);
  });

  it("fail when a block no longer matches the API, naming the README line", async () => {
    const markdown = [
      "# Example",
      "",
      "```ts",
      'import { createFaxPlusClient } from "@faxkit/client";',
      'const fax = createFaxPlusClient({ token: "t", timeout: "soon" });',
      "```",
      "",
      "```typescript",
      'import { createFaxPlusKlient } from "@faxkit/client";',
      "```",
    ].join("\n");
    const diagnostics = await typeCheckBlocks(extractBlocks(markdown, "packages/client/README.md"), PACKAGE_DIRS);
    expect(diagnostics.map((d) => d.where)).toEqual(["packages/client/README.md:5", "packages/client/README.md:9"]);
    expect(diagnostics[0]?.message).toMatch(/TS2322: Type 'string' is not assignable to type 'number/);
    expect(diagnostics[1]?.message).toMatch(/has no exported member named 'createFaxPlusKlient'/);
  });

  it("check a fragment with the declarations of its marker, and fail it without them", async () => {
    const fragment = ["```ts", 'await fax.faxes.list({ category: "inbox" });', "```"];
    const marker = '<!-- docs-check: assumes import type { FaxPlusClient } from "@faxkit/client"; declare const fax: FaxPlusClient; -->';
    const withMarker = extractBlocks([marker, ...fragment].join("\n"), "README.md");
    expect(withMarker[0]?.assumes).toContain("declare const fax");
    expect(await typeCheckBlocks(withMarker, PACKAGE_DIRS)).toEqual([]);
    const bare = await typeCheckBlocks(extractBlocks(fragment.join("\n"), "README.md"), PACKAGE_DIRS);
    expect(bare).toEqual([{ where: "README.md:2", message: "TS2304: Cannot find name 'fax'." }]);
  });

  it("refuse a skip without a reason and a marker that is not right before a block", () => {
    expect(() => extractBlocks(["<!-- docs-check: skip -->", "```ts", "x;", "```"].join("\n"), "README.md")).toThrow(
      new ReadmeMarkerError('README.md:1: "docs-check: skip" needs a reason'),
    );
    expect(() => extractBlocks(["<!-- docs-check: skip old -->", "", "```ts", "x;", "```"].join("\n"), "README.md")).toThrow(
      /README.md:1: a docs-check marker must be the line right before a ```ts block/,
    );
    expect(extractBlocks(["<!-- docs-check: skip shows a shell session -->", "```ts", "x;", "```"].join("\n"), "README.md")).toEqual([
      { readme: "README.md", line: 3, code: "x;\n", skip: "shows a shell session" },
    ]);
  });
});
