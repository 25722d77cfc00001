import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Random } from "./prng.js";

const spec = JSON.parse(readFileSync(fileURLToPath(new URL("../../spec/faxplus.resolved.json", import.meta.url)), "utf8")) as {
  paths: Record<string, unknown>;
};
/** Every path template of the resolved spec. */
const TEMPLATES = Object.keys(spec.paths);

/** Path segments a parser can trip on: bad percent-encoding, dot segments, NUL, quotes, prototype names. */
export const ODD_SEGMENTS = [
  "%",
  "%ZZ",
  "%C3%28",
  "%E2%82",
  "%ED%A0%80",
  "%00",
  "..",
  ".",
  "",
  "%2e%2e",
  "\u00e9\u00ff",
  "%FF%FE",
  "~",
  "'\"<>",
  "__proto__",
  "constructor",
];

/** `length` printable characters, a tenth of them Latin-1 beyond ASCII. */
export function randomText(random: Random, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += String.fromCharCode(random.chance(0.9) ? 0x21 + random.int(0x5e) : 0xa0 + random.int(0x5f));
  return text;
}

/** What a fuzzer may put in a query string: names and values, each picked at random. */
export interface QueryParts {
  names: readonly string[];
  values: readonly string[];
}

/**
 * A path under `/v3` from a spec template, its parameters `self`, an ID-shaped hex string or an
 * odd segment; sometimes an odd last or first segment, sometimes a query of 1–3 pairs.
 */
export function randomPath(random: Random, query: QueryParts): string {
  const template = random.pick(TEMPLATES);
  let path = `/v3${template.replace(/\{[^}]+\}/g, () =>
    random.chance(0.5)
      ? "self"
      : random.chance(0.5)
        ? random
            .int(2 ** 32)
            .toString(16)
            .padStart(24, "0")
        : random.pick(ODD_SEGMENTS),
  )}`;
  if (random.chance(0.1)) path = path.replace(/\/[^/]*$/, `/${random.pick(ODD_SEGMENTS)}${randomText(random, random.int(8))}`);
  if (random.chance(0.05)) path = `/${random.pick(ODD_SEGMENTS)}${path}`;
  if (random.chance(0.3)) {
    const pairs = Array.from(
      { length: 1 + random.int(3) },
      () => `${random.pick(query.names)}=${random.pick([...query.values, randomText(random, 5)])}`,
    );
    path += `?${pairs.join("&")}`;
  }
  return path;
}
