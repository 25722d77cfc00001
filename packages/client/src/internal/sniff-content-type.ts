export const SNIFF_LENGTH = 8;

const SIGNATURES: ReadonlyArray<readonly [type: string, magic: readonly number[]]> = [
  ["application/pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["image/tiff", [0x49, 0x49, 0x2a, 0x00]], // II*\0 (little-endian)
  ["image/tiff", [0x4d, 0x4d, 0x00, 0x2a]], // MM\0* (big-endian)
  ["image/png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["image/jpeg", [0xff, 0xd8, 0xff]],
];

/** The API serves documents as octet-stream at times; their magic numbers say what they are. */
export function sniffContentType(head: Uint8Array): string | undefined {
  for (const [type, magic] of SIGNATURES) {
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return type;
  }
  return undefined;
}
