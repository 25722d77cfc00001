/**
 * Which Chromium the browser test drives, and with which flags. By default the headless-shell
 * build that @sparticuz/chromium ships: its version is pinned by the lockfile, so every machine
 * runs the same browser and none needs a system package. `FAXKIT_CHROMIUM=system` drives
 * Debian's /usr/bin/chromium instead (multi-process, as people run it).
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Sparticuz from "@sparticuz/chromium";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_SOURCES = ["sparticuz", "system"] as const;
export type ChromiumSource = (typeof CHROMIUM_SOURCES)[number];

/** What `chromium.launch()` gets, and what the process check needs to know. */
export interface ChromiumChoice {
  source: ChromiumSource;
  executablePath: string;
  args: string[];
  /** `--single-process`: the browser, renderer and GPU share one process (no zygote, no children). */
  singleProcess: boolean;
}

/** Whichever build runs: nothing beyond loopback, no background traffic of its own. */
export const NETWORK_GUARD_ARGS = [
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Belt and braces: no host name resolves, so nothing can reach beyond the IP literals used here.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

const SYSTEM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"];

/**
 * Flags of @sparticuz/chromium's list that would switch off what the test checks: without web
 * security there are no CORS checks and no preflights at all.
 */
export const WEAKENING_ARGS = ["--disable-web-security", "--allow-running-insecure-content"];

/** Reads `FAXKIT_CHROMIUM`: unset or empty means the lockfile's build. */
export function chromiumSource(env: NodeJS.ProcessEnv = process.env): ChromiumSource {
  const value = env.FAXKIT_CHROMIUM;
  if (value === undefined || value === "") return "sparticuz";
  if ((CHROMIUM_SOURCES as readonly string[]).includes(value)) return value as ChromiumSource;
  throw new Error(`FAXKIT_CHROMIUM must be one of ${CHROMIUM_SOURCES.join(", ")} (or unset), not ${JSON.stringify(value.slice(0, 40))}`);
}

/** @sparticuz/chromium's recommended flags, minus {@link WEAKENING_ARGS}, plus the network guard. */
export function sparticuzArgs(): string[] {
  return [...Sparticuz.args.filter((arg) => !WEAKENING_ARGS.includes(arg)), ...NETWORK_GUARD_ARGS];
}

async function sparticuzVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve("@sparticuz/chromium");
  const manifest = JSON.parse(await readFile(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string };
  return manifest.version;
}

/**
 * Unpacks the build once per version into `<tmp>/faxkit-chromium-<version>/`. The package
 * inflates into `os.tmpdir()` (and reuses any `/tmp/chromium`, whatever its version), so it is
 * pointed at a fresh staging folder, which is then renamed into place: a concurrent run either
 * wins the rename or finds a complete folder, never a half-written binary.
 */
async function unpackSparticuz(): Promise<string> {
  const home = join(tmpdir(), `faxkit-chromium-${await sparticuzVersion()}`);
  const binary = join(home, "chromium");
  if (existsSync(binary)) return binary;
  const staging = await mkdtemp(join(tmpdir(), "faxkit-chromium-unpack-"));
  const previous = process.env.TMPDIR;
  try {
    process.env.TMPDIR = staging;
    const unpacked = await Sparticuz.executablePath();
    if (unpacked !== join(staging, "chromium")) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${staging}`);
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  await rename(staging, home).catch(async (error: NodeJS.ErrnoException) => {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error; // anything but "another run got there first"
  });
  return binary;
}

/** The executable and flags for `source`; fails with what to do when the system build is missing. */
export async function chooseChromium(source: ChromiumSource = chromiumSource(), systemPath = SYSTEM_CHROMIUM): Promise<ChromiumChoice> {
  if (source === "system") {
    if (!existsSync(systemPath))
      throw new Error(`FAXKIT_CHROMIUM=system, but ${systemPath} is missing: install Debian's chromium, or unset FAXKIT_CHROMIUM`);
    return { source, executablePath: systemPath, args: [...SYSTEM_ARGS, ...NETWORK_GUARD_ARGS], singleProcess: false };
  }
  const args = sparticuzArgs();
  return { source, executablePath: await unpackSparticuz(), args, singleProcess: args.includes("--single-process") };
}
