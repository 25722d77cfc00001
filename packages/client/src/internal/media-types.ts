/** File extensions the Fax.Plus docs list for uploads (plus a few office siblings), and their MIME types. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  tif: "image/tiff",
  tiff: "image/tiff",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
  rtf: "application/rtf",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The first extension listed for a type wins: it names downloaded files. */
const EXTENSION_FOR = new Map<string, string>([["text/rtf", "rtf"]]);
for (const [extension, type] of Object.entries(BY_EXTENSION)) if (!EXTENSION_FOR.has(type)) EXTENSION_FOR.set(type, extension);

export function mediaTypeEssence(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

export function contentTypeForFileName(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf(".");
  if (dot <= 0 || dot === fileName.length - 1) return undefined;
  return BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
}

export function extensionForContentType(contentType: string): string {
  const extension = EXTENSION_FOR.get(mediaTypeEssence(contentType));
  return extension === undefined ? "" : `.${extension}`;
}
