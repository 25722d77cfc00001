import { readFileSync, statSync } from "node:fs";
import { ReleaseRefusal } from "./ReleaseRefusal.js";

/**
 * Manifests, the changesets config and the lock are small; a file past this size is not one of
 * them (a mistake or a hostile checkout), and is refused before it is read into memory.
 */
export const MAX_JSON_FILE_BYTES = 1024 * 1024;

/** Reads a small JSON file; a file too large or not JSON is refused, naming it (`shown`). */
export function readJsonFile(path: string, shown: string): unknown {
  const size = statSync(path).size;
  if (size > MAX_JSON_FILE_BYTES)
    throw new ReleaseRefusal(`${shown} is ${size} bytes, more than the ${MAX_JSON_FILE_BYTES} a JSON file of this kind may have.`);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ReleaseRefusal(`${shown} is not valid JSON (${(error as Error).message}).`);
  }
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
