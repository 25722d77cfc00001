/** What a redacted value is replaced with, in headers, URLs and text. */
export const REDACTED = "[redacted]";

/**
 * Request and response headers whose values are credentials. Matched case-insensitively.
 *
 * @example
 * ```ts
 * SECRET_HEADERS.includes("authorization"); // true
 * ```
 */
export const SECRET_HEADERS = ["authorization", "x-fax-clientid", "cookie", "set-cookie", "proxy-authorization"] as const;

/**
 * Query (and fragment) parameters whose values are credentials. Matched case-insensitively.
 *
 * @example
 * ```ts
 * SECRET_QUERY_PARAMS.includes("access_token"); // true
 * ```
 */
export const SECRET_QUERY_PARAMS = ["token", "access_token", "refresh_token", "client_secret", "code", "password"] as const;

const secretHeaders: readonly string[] = SECRET_HEADERS;
const secretParams: readonly string[] = SECRET_QUERY_PARAMS;

/** Shortest secret `redactText` replaces: anything shorter would scrub ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Copies headers into a plain object with lower-case names, replacing the value of every
 * {@link SECRET_HEADERS secret header} with `"[redacted]"`. Repeated headers are joined with `", "`.
 *
 * @example
 * ```ts
 * redactHeaders(new Headers({ Authorization: "Bearer tok", "Content-Type": "application/json" }));
 * // { authorization: "[redacted]", "content-type": "application/json" }
 * ```
 */
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

function paramName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " ")).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** `name=value` pairs separated by `&`: the value of each secret parameter is replaced. */
function redactParams(params: string): string {
  return params.replace(/([^&=]*)=[^&]*/g, (pair, name: string) => (secretParams.includes(paramName(name)) ? `${name}=${REDACTED}` : pair));
}

/**
 * Makes a URL safe to log: strips `user:password@` and replaces the value of every
 * {@link SECRET_QUERY_PARAMS secret parameter} in the query string or fragment with `"[redacted]"`.
 * Works on absolute and relative URLs and never throws; everything else is left as written.
 *
 * @example
 * ```ts
 * redactUrl("https://me:pw@restapi.fax.plus/v3/accounts/self?token=abc&page=2");
 * // "https://restapi.fax.plus/v3/accounts/self?token=[redacted]&page=2"
 * ```
 */
export function redactUrl(url: string): string {
  return (
    url
      // scheme://userinfo@host… → scheme://host…
      .replace(/^([a-z][a-z0-9+.-]*:)?\/\/[^/?#]*@/i, "$1//")
      // The query (up to the fragment), then the fragment (the rest).
      .replace(/\?[^#]*|#[\s\S]*/g, (part) => part[0] + redactParams(part.slice(1)))
  );
}

/**
 * The forms in which a secret can reach a message: trimmed (as sent in a header — `Bearer
 * <token>` holds it verbatim; replacing it also covers the untrimmed value, which contains
 * it), URL-encoded (a query string) and JSON-escaped (a server echoing it in a JSON body).
 */
function secretForms(secret: string): string[] {
  const sent = secret.trim();
  return [sent, encodeURIComponent(sent), JSON.stringify(sent).slice(1, -1)];
}

/**
 * Replaces every occurrence of each secret in `text` — in every form it can be sent or echoed
 * in (as given, trimmed, URL-encoded, JSON-escaped) — with `"[redacted]"`. Secrets
 * shorter than 4 characters are ignored, so an empty or missing credential never scrubs
 * ordinary text.
 *
 * @example
 * ```ts
 * redactText('{"error":"invalid_token","token":"tok_SECRET_123"}', ["tok_SECRET_123\n"]);
 * // '{"error":"invalid_token","token":"[redacted]"}'
 * ```
 */
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

/**
 * Redacts credentials in URLs embedded in free text (a message, a `cause`'s message, a
 * response body): secret query/fragment parameters and `user:password@`. A safety net for
 * text that was built before {@link redactUrl} or {@link redactText} could run.
 *
 * @example
 * ```ts
 * redactUrlsInText("GET https://restapi.fax.plus/v3/x?token=abc failed");
 * // "GET https://restapi.fax.plus/v3/x?token=[redacted] failed"
 * ```
 */
export function redactUrlsInText(text: string): string {
  return text.replace(inlineSecretParam, `$1${REDACTED}`).replace(inlineUserinfo, "$1");
}

/**
 * Everything a logged string goes through: {@link redactUrlsInText}, then {@link redactText}.
 *
 * @example
 * ```ts
 * scrub("Bearer tok_SECRET_123 at /x?code=42", ["tok_SECRET_123"]); // "Bearer [redacted] at /x?code=[redacted]"
 * ```
 */
export function scrub(text: string, secrets: readonly string[]): string {
  return redactText(redactUrlsInText(text), secrets);
}

/**
 * A redirect's `Location` made safe to show: {@link scrub}bed, without `user:password@`, query
 * string or fragment (where tokens and signatures travel), without control characters, and at
 * most 200 characters.
 *
 * @example
 * ```ts
 * redactLocation("https://me:pw@elsewhere.test/v3/login?session=abc#x"); // "https://elsewhere.test/v3/login"
 * ```
 */
export function redactLocation(location: string, secrets: readonly string[] = []): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return scrub(redactUrl(location).replace(/[?#][\s\S]*|[\0-\x1f\x7f]/g, ""), secrets).slice(0, 200);
}
