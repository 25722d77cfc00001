import { describe, expect, it } from "vitest";
import { minimalPdf } from "../quickstart.js";

describe("minimalPdf", () => {
  it("builds a PDF whose cross-reference table points at each object", () => {
    const bytes = minimalPdf("Hello (world) \\ ü");
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.endsWith("%%EOF\n")).toBe(true);
    expect(bytes.byteLength).toBe(text.length); // ASCII only
    const startxref = Number(text.match(/startxref\n(\d+)\n/)?.[1]);
    expect(text.slice(startxref).startsWith("xref\n0 6\n")).toBe(true);
    const entries = text.slice(startxref).split("\n").slice(2, 8);
    expect(entries[0]).toBe("0000000000 65535 f ");
    entries.slice(1).forEach((entry, index) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/);
      expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${index + 1} 0 obj\n`)).toBe(true);
    });
    const length = Number(text.match(/\/Length (\d+)/)?.[1]);
    const stream = text.match(/stream\n([\s\S]*?)\nendstream/)?.[1];
    expect(stream?.length).toBe(length);
    expect(stream).toContain("(Hello \\(world\\) \\\\ ?) Tj");
  });
});
