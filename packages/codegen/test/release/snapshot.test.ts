import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { Snapshot } from "../../src/index.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "faxkit-snapshot-"));
  mkdirSync(join(root, "generated/nested"), { recursive: true });
  writeFileSync(join(root, "spec.yaml"), "openapi: 3.0.3\n");
  writeFileSync(join(root, "generated/a.ts"), "export const a = 1;\n");
  writeFileSync(join(root, "generated/nested/b.ts"), Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x0a]));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(root, path));

test("a failed update is undone byte for byte: changed, deleted and new files", () => {
  const before = { spec: read("spec.yaml"), a: read("generated/a.ts"), b: read("generated/nested/b.ts") };
  const snapshot = new Snapshot();
  snapshot.addFile(join(root, "spec.yaml"));
  snapshot.addFile(join(root, ".changeset/spec-3.5.0.md")); // does not exist yet
  snapshot.addFolder(join(root, "generated"));

  writeFileSync(join(root, "spec.yaml"), "openapi: 3.0.3\ninfo: {}\n");
  unlinkSync(join(root, "generated/a.ts"));
  writeFileSync(join(root, "generated/nested/b.ts"), "changed");
  writeFileSync(join(root, "generated/new.ts"), "export {};\n");
  mkdirSync(join(root, ".changeset"));
  writeFileSync(join(root, ".changeset/spec-3.5.0.md"), "---\n---\n");

  const changed = snapshot.restore();
  expect(read("spec.yaml")).toEqual(before.spec);
  expect(read("generated/a.ts")).toEqual(before.a);
  expect(read("generated/nested/b.ts")).toEqual(before.b);
  expect(existsSync(join(root, "generated/new.ts"))).toBe(false);
  expect(existsSync(join(root, ".changeset/spec-3.5.0.md"))).toBe(false);
  expect(changed.map((path) => path.slice(root.length + 1)).sort()).toEqual(
    [".changeset/spec-3.5.0.md", "generated/a.ts", "generated/nested/b.ts", "generated/new.ts", "spec.yaml"].sort(),
  );
});

test("files that did not change are not rewritten, and a second restore does nothing", () => {
  const snapshot = new Snapshot();
  snapshot.addFile(join(root, "spec.yaml"));
  snapshot.addFolder(join(root, "generated"));
  expect(snapshot.restore()).toEqual([]);
  writeFileSync(join(root, "spec.yaml"), "changed after the restore");
  expect(snapshot.isRestored).toBe(true);
  expect(snapshot.restore()).toEqual([]);
  expect(read("spec.yaml").toString()).toBe("changed after the restore");
});

test("the temporary file of an atomic write cut short beside a snapshotted file is removed", () => {
  const snapshot = new Snapshot();
  snapshot.addFile(join(root, "spec.yaml"));
  const temp = join(root, `spec.yaml.${process.pid}.tmp`);
  writeFileSync(temp, "half of a new spec");
  expect(snapshot.restore()).toEqual([]);
  expect(existsSync(temp)).toBe(false);
});
