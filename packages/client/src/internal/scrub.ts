import { REDACTED, redactUrl, SECRET_QUERY_PARAMS } from "./redact.js";

export const SECRET_HEADERS = ["authorization", "x-fax-clientid", "cookie", "set-cookie", "proxy-authorization"] as const;

const secretHeaders: readonly string[] = SECRET_HEADERS;

/** Shortest secret `redactText` replaces: anything shorter would scrub ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** Lower-case names; repeated headers joined with `", "` as fetch does. */
export function redactHeaders(headers: Headers | Readonly<Record<string, string>> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers === undefined) return result;
  const entries: Iterable<[string, string]> = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [rawName, value] of entries) {
    const name = rawName.toLowerCase();
    const previous = result[name];
    result[name] = secretHeaders.includes(name) ? REDACTED : previous === undefined ? String(value) : `${previous}, ${String(value)}`;
  }
  return result;
}

/**
 * As sent (trimmed; this also covers the untrimmed value, which contains it), as a query string
 * carries it, and as a server echoes it in a JSON body.
 */
function secretForms(secret: string): string[] {
  const sent = secret.trim();
  return [sent, encodeURIComponent(sent), JSON.stringify(sent).slice(1, -1)];
}

export function redactText(text: string, secrets: readonly string[]): string {
  const needles = new Set<string>();
  for (const secret of secrets)
    if (typeof secret === "string") for (const form of secretForms(secret)) if (form.length >= MIN_SECRET_LENGTH) needles.add(form);
  let result = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) result = result.split(needle).join(REDACTED);
  return result;
}

const inlineSecretParam = new RegExp(`([?&#](?:${SECRET_QUERY_PARAMS.join("|")})=)[^&#\\s"'<>]*`, "gi");
const inlineUserinfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@"'<>]*@/gi;

/** A safety net for text built before `redactUrl` could run: a `cause`'s message, a response body. */
export function redactUrlsInText(text: string): string {
  return text.replace(inlineSecretParam, `$1${REDACTED}`).replace(inlineUserinfo, "$1");
}

/**
 * Everything a logged or thrown string goes through: credentials in a URL's query or user
 * part, and each secret in every form it travels in (as sent, URL-encoded, JSON-escaped),
 * replaced by `[redacted]`. Secrets shorter than 4 characters are left alone.
 *
 * @example
 * ```ts
 * scrub(`GET /x?token=${token} failed: "${token}"`, [token]); // 'GET /x?token=[redacted] failed: "[redacted]"'
 * ```
 */
export function scrub(text: string, secrets: readonly string[]): string {
  return redactText(redactUrlsInText(text), secrets);
}

/** Query and fragment dropped whole: tokens and signatures travel there under any name. */
export function redactLocation(location: string, secrets: readonly string[] = []): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return scrub(redactUrl(location).replace(/[?#][\s\S]*|[\0-\x1f\x7f]/g, ""), secrets).slice(0, 200);
}
