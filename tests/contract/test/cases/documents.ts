/**
 * Small documents for uploads and downloads. Each carries every byte value 0–255 after its
 * magic number, so any text decoding, newline rewriting or truncation on the way shows up as a
 * byte mismatch.
 */

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, index) => index);

function document(head: string | number[], tail: string): Uint8Array<ArrayBuffer> {
  const start = typeof head === "string" ? new TextEncoder().encode(head) : Uint8Array.from(head);
  const end = new TextEncoder().encode(tail);
  const out = new Uint8Array(start.length + ALL_BYTES.length + end.length);
  out.set(start, 0);
  out.set(ALL_BYTES, start.length);
  out.set(end, start.length + ALL_BYTES.length);
  return out;
}

/** A PDF-looking document (`%PDF-` magic, so the client sniffs `application/pdf`). */
export const PDF_BYTES = document(
  "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nstream\n",
  "\nendstream\nendobj\n%%EOF\n",
);

/** A little-endian TIFF header (`II*\0`, so the client sniffs `image/tiff`) followed by binary data. */
export const TIFF_BYTES = document([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00], "");

/** A ZIP header: a type the API does not take for `fax_file` (not in the spec's encoding list). */
export const ZIP_BYTES = document([0x50, 0x4b, 0x03, 0x04], "");

export const pdfBlob = (): Blob => new Blob([PDF_BYTES], { type: "application/pdf" });

/** The same bytes, as a stream delivered in uneven chunks (the client streams it as chunked multipart). */
export function chunkedStream(bytes: Uint8Array, chunk = 97): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}
