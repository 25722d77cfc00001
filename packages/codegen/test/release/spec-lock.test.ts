import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { compareLock, computeLock, loadConfig, lockPath, ReleaseRefusal, readLock, type SpecLock, writeLock } from "../../src/index.js";

const entry = (path: string, sha256: string) => ({ path, sha256 });

describe("compareLock", () => {
  const recorded = {
    spec: entry("api/spec.yaml", "s1"),
    overlays: [entry("api/overlays/01.yaml", "o1"), entry("api/overlays/02.yaml", "o2")],
  };

  test("the same files with the same hashes: no difference", () => {
    expect(compareLock(recorded, structuredClone(recorded))).toEqual([]);
  });

  test("names each changed, added and removed file, sorted by path", () => {
    const now = {
      spec: entry("api/spec.yaml", "s2"),
      overlays: [entry("api/overlays/02.yaml", "o2"), entry("api/overlays/03.yaml", "o3")],
    };
    expect(compareLock(recorded, now)).toEqual([
      { path: "api/overlays/01.yaml", status: "removed" },
      { path: "api/overlays/03.yaml", status: "added" },
      { path: "api/spec.yaml", status: "changed" },
    ]);
  });
});

describe("the lock on disk", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "faxkit-spec-lock-"));
    mkdirSync(join(root, "api/overlays"), { recursive: true });
    writeFileSync(join(root, "api/spec.yaml"), "openapi: 3.0.3\n");
    writeFileSync(join(root, "api/overlays/b.yaml"), "overlay: 1.0.0\n");
    writeFileSync(join(root, "api/overlays/a.yaml"), "overlay: 1.0.0\n# a\n");
    writeFileSync(
      join(root, "faxkit.config.json"),
      JSON.stringify({ spec: "api/spec.yaml", overlays: ["api/overlays"], outputs: { types: "out/types" } }),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("lives beside the spec and records root-relative paths, overlays sorted, with SHA-256 hashes", async () => {
    const config = await loadConfig(join(root, "faxkit.config.json"));
    expect(lockPath(config)).toBe(join(root, "api/spec-lock.json"));
    const lock = computeLock(config, { specVersion: "1.0.0", changeset: null });
    expect(lock.spec).toEqual({ path: "api/spec.yaml", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(lock.overlays.map((o) => o.path)).toEqual(["api/overlays/a.yaml", "api/overlays/b.yaml"]);
  });

  test("written, then read back as it was; the file is formatted JSON with a final newline", async () => {
    const config = await loadConfig(join(root, "faxkit.config.json"));
    const lock = computeLock(config, { specVersion: "1.0.0", changeset: ".changeset/x.md" });
    await writeLock(lockPath(config), lock);
    expect(readLock(lockPath(config), "api/spec-lock.json")).toEqual(lock);
    expect(readFileSync(lockPath(config), "utf8")).toBe(`${JSON.stringify(lock, null, 2)}\n`);
  });

  test("an edit to an overlay after recording shows as a change of that file only", async () => {
    const config = await loadConfig(join(root, "faxkit.config.json"));
    const lock = computeLock(config, { specVersion: "1.0.0", changeset: null });
    writeFileSync(join(root, "api/overlays/b.yaml"), "overlay: 1.0.0\n# edited\n");
    expect(compareLock(lock, computeLock(config, { specVersion: "1.0.0", changeset: null }))).toEqual([
      { path: "api/overlays/b.yaml", status: "changed" },
    ]);
  });

  test("no lock reads as null; a lock that is not JSON or not of the lock's shape is refused, naming it", () => {
    const file = join(root, "api/spec-lock.json");
    expect(readLock(file, "api/spec-lock.json")).toBeNull();
    writeFileSync(file, "{");
    expect(() => readLock(file, "api/spec-lock.json")).toThrow(ReleaseRefusal);
    expect(() => readLock(file, "api/spec-lock.json")).toThrow(/^api\/spec-lock\.json is not valid JSON/);
    writeFileSync(
      file,
      JSON.stringify({ spec: { path: "api/spec.yaml" }, overlays: [] } satisfies Partial<Record<keyof SpecLock, unknown>>),
    );
    expect(() => readLock(file, "api/spec-lock.json")).toThrow("does not have the expected shape");
  });
});
