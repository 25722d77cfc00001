/**
 * The Chromium this suite drives: the launch approach of tests/browser/test/support/chromium.ts
 * (which this follows; read its comments), trimmed to what a read-only page needs. By default
 * @sparticuz/chromium's headless-shell build, unpacked once per version into the same
 * `<tmp>/faxkit-chromium-<version>/` folder tests/browser uses; `FAXKIT_CHROMIUM=system` drives
 * /usr/bin/chromium instead.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Sparticuz from "@sparticuz/chromium";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Nothing beyond loopback, and no background traffic of Chromium's own. */
const NETWORK_GUARD_ARGS = [
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/** What `chromium.launch()` gets. */
export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
}

/** The executable and flags `FAXKIT_CHROMIUM` selects (unset: the lockfile's build). */
export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLaunch> {
  const source = env.FAXKIT_CHROMIUM ?? "";
  if (source === "system") {
    if (!existsSync(SYSTEM_CHROMIUM))
      throw new Error(`FAXKIT_CHROMIUM=system, but ${SYSTEM_CHROMIUM} is missing: install Debian's chromium, or unset FAXKIT_CHROMIUM`);
    return { executablePath: SYSTEM_CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", ...NETWORK_GUARD_ARGS] };
  }
  if (source !== "" && source !== "sparticuz")
    throw new Error(`FAXKIT_CHROMIUM must be sparticuz or system (or unset), not ${JSON.stringify(source.slice(0, 40))}`);
  return { executablePath: await unpackSparticuz(), args: [...Sparticuz.args, ...NETWORK_GUARD_ARGS] };
}

async function sparticuzVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve("@sparticuz/chromium");
  const manifest = JSON.parse(await readFile(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string };
  return manifest.version;
}

/** Unpacks into a fresh staging folder renamed into place, so a concurrent run never sees half a binary. */
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
    if (!existsSync(binary)) throw error;
  });
  return binary;
}
