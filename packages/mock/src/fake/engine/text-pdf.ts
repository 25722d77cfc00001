/**
 * A one-page PDF 1.4 showing `lines` in Helvetica, with a correct cross-reference table, so
 * PDF readers and parsers open it. Characters outside printable ASCII become `?` and the PDF
 * string delimiters are escaped, so no value can break the document's syntax.
 *
 * @example
 * ```ts
 * const bytes = textPdf(["Fax confirmation report", "Status: success"]);
 * ```
 */
export function textPdf(lines: readonly string[]): Uint8Array {
  const text = lines
    .slice(0, 40)
    .map((line, index) => `BT /F1 12 Tf 56 ${780 - index * 18} Td (${pdfString(line)}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const [index, body] of objects.entries()) {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Only ASCII went in, so character offsets are byte offsets.
  return Uint8Array.from(out, (char) => char.charCodeAt(0));
}

function pdfString(line: string): string {
  return line
    .slice(0, 90)
    .replace(/[^\x20-\x7e]/g, "?")
    .replace(/[\\()]/g, (char) => `\\${char}`);
}
