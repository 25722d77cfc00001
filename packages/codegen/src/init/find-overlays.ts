import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";

/** The folder `init` looks for beside the spec, as faxkit lays out its own (`openapi/overlays`). */
export const OVERLAYS_FOLDER = "overlays";

/** The files the config's overlay folders are read for (as `loadConfig` expands them). */
const OVERLAY_FILE = /\.(ya?ml|json)$/;

/**
 * The overlays folder beside the spec, when there is one holding at least one overlay file;
 * otherwise `undefined`, and the config `init` writes names no overlays (a config that named a
 * missing folder would fail at every run).
 */
export async function findOverlays(specFile: string): Promise<string | undefined> {
  const folder = join(dirname(specFile), OVERLAYS_FOLDER);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.some((entry) => entry.isFile() && OVERLAY_FILE.test(entry.name)) ? folder : undefined;
}
