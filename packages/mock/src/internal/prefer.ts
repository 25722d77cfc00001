import { quoteRequestText } from "./quote-request-text.js";

/** What a request may choose about its answer (Prism's `Prefer` semantics). */
export interface AnswerPreference {
  code?: number;
  exampleKey?: string;
  dynamic?: boolean;
  seed?: string;
}

export type PreferenceCheck = { ok: true; preference: AnswerPreference } | { ok: false; description: string };

/**
 * Reads `Prefer: code=404, example=name, dynamic=true, seed=7` (or, without the header, the
 * `__code`, `__example`, `__dynamic`, `__seed` query parameters), as Prism's own server does.
 * A code that is not three digits or a `dynamic` that is not `true`/`false` is refused.
 *
 * @example
 * ```ts
 * answerPreference('code=500', {}); // { ok: true, preference: { code: 500 } }
 * ```
 */
export function answerPreference(prefer: string | string[] | undefined, query: Record<string, string | string[]>): PreferenceCheck {
  const raw = prefer === undefined ? fromQuery(query) : fromHeader(Array.isArray(prefer) ? prefer.join(",") : prefer);
  const preference: AnswerPreference = {};
  if (raw.code !== undefined) {
    if (!/^\d{3}$/.test(raw.code)) return refuse("code", raw.code, "a three-digit status");
    preference.code = Number(raw.code);
  }
  if (raw.dynamic !== undefined) {
    if (raw.dynamic !== "true" && raw.dynamic !== "false") return refuse("dynamic", raw.dynamic, "true or false");
    preference.dynamic = raw.dynamic === "true";
  }
  if (raw.example !== undefined) preference.exampleKey = raw.example;
  if (raw.seed !== undefined) preference.seed = raw.seed;
  return { ok: true, preference };
}

type RawPreference = Partial<Record<"code" | "dynamic" | "example" | "seed", string>>;
const NAMES = new Set(["code", "dynamic", "example", "seed"]);

function refuse(name: string, value: string, expected: string): PreferenceCheck {
  return { ok: false, description: `the preference ${name}=${quoteRequestText(value)} must be ${expected}` };
}

/** `code=404, example="a, b"; x=1` → `{ code: "404", example: "a, b" }`; the first mention of a name wins. */
function fromHeader(header: string): RawPreference {
  const raw: RawPreference = {};
  for (const preference of splitOutsideQuotes(header, ",")) {
    const [first] = splitOutsideQuotes(preference, ";"); // parameters of a preference do not choose anything here
    const at = first?.indexOf("=") ?? -1;
    if (first === undefined || at < 0) continue;
    const name = first.slice(0, at).trim().toLowerCase();
    const value = unquote(first.slice(at + 1).trim());
    if (NAMES.has(name) && raw[name as keyof RawPreference] === undefined) raw[name as keyof RawPreference] = value;
  }
  return raw;
}

function fromQuery(query: Record<string, string | string[]>): RawPreference {
  const raw: RawPreference = {};
  for (const name of NAMES) {
    const value = query[`__${name}`];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) raw[name as keyof RawPreference] = first;
  }
  return raw;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
