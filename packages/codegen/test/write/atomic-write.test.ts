import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CodegenError } from "../../src/errors/CodegenError.js";
import { writeOutputSet } from "../../src/write/atomic-write.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "faxkit-atomic-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("writeOutputSet", () => {
  it("writes new files and leaves unchanged ones untouched", async () => {
    await writeFile(join(root, "same.ts"), "same\n");
    const report = await writeOutputSet({
      files: [
        { path: join(root, "same.ts"), content: "same\n" },
        { path: join(root, "new.ts"), content: "new\n" },
      ],
      ownedFolders: [],
    });
    expect(report.written).toEqual([join(root, "new.ts")]);
    expect(report.unchanged).toEqual([join(root, "same.ts")]);
  });

  it("a rename that fails (the target is a folder) is EMIT_FAILED naming the file, and leaves no temporary file", async () => {
    await mkdir(join(root, "blocked.ts"));
    const error = await writeOutputSet({
      files: [{ path: join(root, "blocked.ts"), content: "x\n" }],
      ownedFolders: [],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).code).toBe("EMIT_FAILED");
    expect((error as CodegenError).message).toMatch(/could not replace .*blocked\.ts.*No generated file was changed/);
    expect((await readdir(root)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("when a later rename fails, says how many files were already replaced", async () => {
    await mkdir(join(root, "b.ts"));
    const error = await writeOutputSet({
      files: [
        { path: join(root, "a.ts"), content: "a\n" },
        { path: join(root, "b.ts"), content: "b\n" },
      ],
      ownedFolders: [],
    }).catch((e: unknown) => e);
    expect((error as CodegenError).message).toContain("1 file(s) were already replaced");
    expect(await readFile(join(root, "a.ts"), "utf8")).toBe("a\n");
    expect((await readdir(root)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
