const PARAMETER = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;

function decodeExtValue(value: string): string | undefined {
  // RFC 8187: charset'language'percent-encoded
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value.trim());
  if (!match) return undefined;
  const charset = (match[1] ?? "").toLowerCase();
  const encoded = match[2] ?? "";
  try {
    if (charset === "utf-8") return decodeURIComponent(encoded);
    if (charset === "iso-8859-1")
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  } catch {
    return undefined;
  }
  return undefined;
}

/** A base name only, so a caller can join it to a directory without escaping it. */
export function fileNameFromContentDisposition(header: string | null): string | null {
  if (header === null) return null;
  let plain: string | undefined;
  let extended: string | undefined;
  for (const match of `;${header.slice(header.indexOf(";") + 1)}`.matchAll(PARAMETER)) {
    const name = (match[1] ?? "").toLowerCase();
    const value = match[2] === undefined ? (match[3] ?? "").trim() : match[2].replace(/\\(.)/g, "$1");
    if (name === "filename*") extended ??= decodeExtValue(value);
    else if (name === "filename") plain ??= value;
  }
  const raw = extended ?? plain;
  if (raw === undefined) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const base = (raw.split(/[/\\]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base === "" || base === "." || base === ".." ? null : base;
}
