/**
 * Turns component names into TypeScript identifiers: `simple-user` → `SimpleUser`,
 * `Fax` → `Fax`. Names that clash after conversion get a numeric suffix, in document
 * order, so the mapping is stable as long as the spec's order is.
 */
export function toTypeName(name: string): string {
  const parts = name.split(/[^A-Za-z0-9_$]+/).filter((part) => part !== "");
  let identifier = parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("");
  if (identifier === "") identifier = "Schema";
  if (/^[0-9]/.test(identifier)) identifier = `Schema${identifier}`;
  return identifier;
}

/** Assigns a unique identifier to each name, in order. */
export function assignTypeNames(names: readonly string[], reserved: readonly string[] = []): Map<string, string> {
  const used = new Set(reserved);
  const result = new Map<string, string>();
  for (const name of names) {
    const base = toTypeName(name);
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}${n}`;
    used.add(candidate);
    result.set(name, candidate);
  }
  return result;
}
