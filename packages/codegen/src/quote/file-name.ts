/** Longest file name (without extension) the generator writes; longer ones are cut and hashed. */
export const MAX_FILE_STEM = 100;

/** Device names Windows reserves in any case and with any extension (`con.ts` cannot be created). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * The one way identifiers become file names (without extension) inside one folder. Every
 * stem is distinct even on case-insensitive file systems (macOS, Windows): the first of
 * several names that differ only in case keeps its stem, each later one gets `-` and 8 hex
 * digits of a hash of its exact spelling (`Pet`, then `PET` → `PET-4b1f6e2a`). Windows device
 * names get `-file`; stems longer than {@link MAX_FILE_STEM} are cut and get the hash too.
 * Identifiers are ASCII (see `toTypeName`), so no Unicode normalisation can merge two stems.
 *
 * @example
 * ```ts
 * assignFileNames(["Pet", "PET"]); // Map { Pet → "Pet", PET → "PET-…" }
 * ```
 */
export function assignFileNames(identifiers: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const identifier of identifiers) {
    let stem = identifier;
    if (WINDOWS_DEVICE.test(stem)) stem += "-file";
    if (stem.length > MAX_FILE_STEM) stem = `${stem.slice(0, MAX_FILE_STEM - 9)}-${hash(identifier)}`;
    if (taken.has(stem.toLowerCase())) stem = `${stem}-${hash(identifier)}`;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${stem.replace(/~\d+$/, "")}~${n}`;
    taken.add(stem.toLowerCase());
    result.set(identifier, stem);
  }
  return result;
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, and not security-relevant here. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
