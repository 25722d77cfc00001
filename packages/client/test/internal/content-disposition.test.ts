import { describe, expect, it } from "vitest";
import { fileNameFromContentDisposition } from "../../src/internal/content-disposition.js";

describe("fileNameFromContentDisposition", () => {
  it.each([
    ['attachment; filename="fax.pdf"', "fax.pdf"],
    ["attachment; filename=fax.pdf", "fax.pdf"],
    ["attachment;filename=fax.pdf;size=10", "fax.pdf"],
    ['inline; filename="a \\"quoted\\" name.pdf"', 'a "quoted" name.pdf'],
    ['attachment; filename="semi;colon.pdf"', "semi;colon.pdf"],
    ["attachment; FILENAME=upper.pdf", "upper.pdf"],
    // filename* (RFC 8187) wins over filename, wherever it stands
    ["attachment; filename=\"fallback.pdf\"; filename*=UTF-8''Fax%20%C3%BC.pdf", "Fax ü.pdf"],
    ["attachment; filename*=utf-8'en'%E2%82%AC.pdf; filename=\"euro.pdf\"", "€.pdf"],
    ["attachment; filename*=ISO-8859-1''caf%E9.pdf", "café.pdf"],
    // an unusable filename* falls back to filename
    ["attachment; filename*=UTF-8''%E0%A4%A.pdf; filename=\"plain.pdf\"", "plain.pdf"],
    ["attachment; filename*=KOI8-R''x.pdf; filename=\"plain.pdf\"", "plain.pdf"],
  ])("%s → %s", (header, name) => {
    expect(fileNameFromContentDisposition(header)).toBe(name);
  });

  it.each([
    ['attachment; filename="../../etc/passwd"', "passwd"],
    ['attachment; filename="C:\\\\Windows\\\\evil.pdf"', "evil.pdf"],
    ["attachment; filename*=UTF-8''..%2F..%2Fsecret.pdf", "secret.pdf"],
    ['attachment; filename="line\r\nbreak.pdf"', "linebreak.pdf"],
  ])("reduces %j to a bare, safe name", (header, name) => {
    expect(fileNameFromContentDisposition(header)).toBe(name);
  });

  it.each([
    null,
    "attachment",
    "inline",
    'attachment; filename=""',
    'attachment; filename=".."',
    'attachment; filename="dir/"',
  ])("is null for %j", (header) => {
    expect(fileNameFromContentDisposition(header)).toBeNull();
  });
});
