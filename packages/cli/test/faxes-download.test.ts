import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtures } from "@faxkit/mock";
import { beforeEach, describe, expect, it } from "vitest";
import { useFake } from "./support/fake.js";

const { fake, run } = useFake();

const FAX_ID = "d0d0d0d0d0d0d0d0d0d0d0d0";
// Every byte value, so a text decoding anywhere on the way would show.
const DOCUMENT = new Uint8Array([...new TextEncoder().encode("%PDF-1.4\n"), ...Array.from({ length: 256 }, (_, i) => i)]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "faxplus-download-"));
  fake().seed({ faxes: [fixtures.fax({ id: FAX_ID })], files: [{ faxId: FAX_ID, bytes: DOCUMENT, contentType: "application/pdf" }] });
});

describe("faxplus faxes download", () => {
  it("-o writes the fax's document byte for byte", async () => {
    const file = join(dir, "fax.pdf");
    const result = await run(["faxes", "download", FAX_ID, "-o", file]);
    expect(result.code).toBe(0);
    expect(new Uint8Array(readFileSync(file))).toEqual(DOCUMENT);
    expect(result.stdout).toBe(`Saved ${file} (${DOCUMENT.byteLength} bytes, application/pdf)\n`);
  });

  it("--json reports the file, size and type", async () => {
    const file = join(dir, "fax.pdf");
    const result = await run(["faxes", "download", FAX_ID, "-o", file, "--json"]);
    expect(JSON.parse(result.stdout)).toEqual({ id: FAX_ID, file, bytes: DOCUMENT.byteLength, contentType: "application/pdf" });
  });

  it("refuses to overwrite an existing file (exit 2, the file untouched) unless --force", async () => {
    const file = join(dir, "fax.pdf");
    writeFileSync(file, "keep me");
    const refused = await run(["faxes", "download", FAX_ID, "-o", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("exists; pass --force to replace it");
    expect(readFileSync(file, "utf8")).toBe("keep me");

    const forced = await run(["faxes", "download", FAX_ID, "-o", file, "--force"]);
    expect(forced.code).toBe(0);
    expect(new Uint8Array(readFileSync(file))).toEqual(DOCUMENT);
  });

  it("without -o, streams the bytes to a stdout that is not a terminal", async () => {
    const result = await run(["faxes", "download", FAX_ID]);
    expect(result.code).toBe(0);
    expect(new Uint8Array(result.stdoutBytes)).toEqual(DOCUMENT);
  });

  it("an unknown fax is exit 1 and leaves no file behind", async () => {
    const file = join(dir, "missing.pdf");
    const result = await run(["faxes", "download", "ffffffffffffffffffffffff", "-o", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^faxplus: 404 /);
    expect(existsSync(file)).toBe(false);
  });
});
