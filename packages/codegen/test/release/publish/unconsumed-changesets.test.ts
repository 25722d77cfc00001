import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { refuseUnconsumedChangesets } from "../../../src/release/publish/unconsumed-changesets.js";
import { ReleaseRefusal } from "../../../src/release/ReleaseRefusal.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "faxkit-release-changesets-"));
  mkdirSync(join(root, ".changeset"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const versioned = new Set(["@faxkit/types", "@faxkit/client"]);
const changeset = (name: string, frontMatter: string) =>
  writeFileSync(join(root, ".changeset", name), `---\n${frontMatter}\n---\n\nWhy.\n`);

function refusal(): string {
  try {
    refuseUnconsumedChangesets(root, versioned);
  } catch (error) {
    if (error instanceof ReleaseRefusal) return error.message;
    throw error;
  }
  return "(no refusal)";
}

test("no changeset but the README (or no .changeset folder at all): the release goes on", () => {
  writeFileSync(join(root, ".changeset", "README.md"), "# Changesets\n");
  expect(refusal()).toBe("(no refusal)");
  rmSync(join(root, ".changeset"), { recursive: true });
  expect(refusal()).toBe("(no refusal)");
});

test("each pending changeset is listed by name with its bumps, then how to consume them", () => {
  changeset("b-client.md", '"@faxkit/client": patch');
  changeset("a-types.md", '"@faxkit/types": minor\n"@faxkit/client": minor');
  expect(refusal()).toBe(
    [
      "2 unconsumed changeset(s):",
      "  .changeset/a-types.md: @faxkit/types minor, @faxkit/client minor",
      "  .changeset/b-client.md: @faxkit/client patch",
      "Run `pnpm changeset version`, review and commit the new versions and CHANGELOGs, then release.",
    ].join("\n"),
  );
});

test("a changeset naming only unversioned packages is called out: changeset version would leave it forever", () => {
  changeset("spec-only.md", '"@faxkit/spec": minor');
  changeset("empty.md", "");
  const message = refusal();
  expect(message).toContain("  .changeset/empty.md: (no packages)");
  expect(message).toContain(".changeset/spec-only.md names only packages that are never versioned (private or unknown)");
  expect(message).not.toContain(".changeset/empty.md names only");
});

test("a long backlog is listed up to a bound, with how many more there are", () => {
  for (let i = 0; i < 25; i++) changeset(`c${String(i).padStart(2, "0")}.md`, '"@faxkit/types": patch');
  const message = refusal();
  expect(message).toMatch(/^25 unconsumed changeset\(s\):/);
  expect(message).toContain(".changeset/c19.md");
  expect(message).not.toContain(".changeset/c20.md");
  expect(message).toContain("… and 5 more");
});
