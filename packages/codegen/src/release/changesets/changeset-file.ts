/**
 * `.changeset/spec-<version>.md`, or `spec-<version>-2.md`, … when `taken` says a name is in use.
 * The version comes from the vendor's file, so everything but `A-Z a-z 0-9 . _ -` becomes `-`:
 * behind the `spec-` prefix it can neither leave `.changeset/` nor make a hidden file.
 *
 * @example
 * ```ts
 * import { changesetFileName } from "@faxkit/codegen";
 * changesetFileName("3.5.0", () => false); // ".changeset/spec-3.5.0.md"
 * ```
 */
export function changesetFileName(version: string, taken: (file: string) => boolean): string {
  const safe = version.replace(/[^A-Za-z0-9._-]+/g, "-");
  // Bounded by the number of files that can exist; each try is one existence check.
  for (let n = 1; ; n++) {
    const file = `.changeset/spec-${safe}${n === 1 ? "" : `-${n}`}.md`;
    if (!taken(file)) return file;
  }
}
