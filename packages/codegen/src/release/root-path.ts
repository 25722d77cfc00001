import { isAbsolute, relative, sep } from "node:path";

/** A path as messages and the lock show it: relative to the project root with `/`, or absolute when outside it. */
export function rootRelative(root: string, path: string): string {
  const rel = relative(root, path);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return path;
  // The lock is committed and compared across machines, so it never holds Windows separators.
  return rel.split(sep).join("/");
}
