import type { StoredDocument } from "./state.js";

const latin1 = new TextDecoder("latin1");
// A page object, not the page tree (`/Type /Pages`).
const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z])/;

/**
 * Pages of a document, roughly: a PDF's page objects counted, anything else one page. Enough
 * for `page_count` and `pages` to follow what was sent; no document is rendered.
 *
 * @example
 * ```ts
 * pageCount({ bytes: textPdf(["x"]), contentType: "application/pdf", fileName: "x.pdf" }); // 1
 * ```
 */
export function pageCount(document: StoredDocument): number {
  const head = latin1.decode(document.bytes.subarray(0, 5));
  if (head !== "%PDF-") return 1;
  // Counted match by match: a hostile PDF with millions of them must not build an array of them.
  const pattern = new RegExp(PAGE_OBJECT.source, "g");
  const text = latin1.decode(document.bytes);
  let pages = 0;
  while (pattern.exec(text) !== null) pages += 1;
  return Math.max(1, pages);
}
