import { describe, expect, it } from "vitest";
import { contentTypeForFileName, extensionForContentType, mediaTypeEssence } from "../../src/internal/media-types.js";
import { SNIFF_LENGTH, sniffContentType } from "../../src/internal/sniff-content-type.js";

describe("sniffContentType", () => {
  it.each([
    ["PDF", [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], "application/pdf"],
    ["TIFF (II)", [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0], "image/tiff"],
    ["TIFF (MM)", [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8], "image/tiff"],
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image/png"],
    ["JPEG", [0xff, 0xd8, 0xff, 0xdb], "image/jpeg"],
    ["%PDF without the dash", [0x25, 0x50, 0x44, 0x46, 0x20], undefined],
    ["PNG cut short", [0x89, 0x50, 0x4e, 0x47], undefined],
    ["a ZIP (docx)", [0x50, 0x4b, 0x03, 0x04], undefined],
    ["nothing", [], undefined],
  ])("%s → %s", (_label, bytes, type) => {
    expect(sniffContentType(new Uint8Array(bytes))).toBe(type);
  });

  it("needs at most SNIFF_LENGTH bytes", () => {
    expect(SNIFF_LENGTH).toBe(8);
  });
});

describe("media types", () => {
  it("maps extensions to types, case-insensitively", () => {
    expect(contentTypeForFileName("a.PDF")).toBe("application/pdf");
    expect(contentTypeForFileName("archive.tar.tiff")).toBe("image/tiff");
    expect(contentTypeForFileName(".pdf")).toBeUndefined();
    expect(contentTypeForFileName("pdf")).toBeUndefined();
    expect(contentTypeForFileName("a.")).toBeUndefined();
  });

  it("maps types (with parameters) to one extension", () => {
    expect(extensionForContentType("application/pdf")).toBe(".pdf");
    expect(extensionForContentType("IMAGE/TIFF")).toBe(".tif");
    expect(extensionForContentType("image/jpeg")).toBe(".jpg");
    expect(extensionForContentType("text/plain; charset=utf-8")).toBe(".txt");
    expect(extensionForContentType("text/rtf")).toBe(".rtf");
    expect(extensionForContentType("application/octet-stream")).toBe("");
    expect(mediaTypeEssence(" Text/Plain ; charset=utf-8")).toBe("text/plain");
  });
});
