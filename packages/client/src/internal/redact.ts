// Only URLs: the main entry needs this (for baseUrl); scrub.ts, the rest, loads with the first error.
export const REDACTED = "[redacted]";

export const SECRET_QUERY_PARAMS = ["token", "access_token", "refresh_token", "client_secret", "code", "password"] as const;

const secretParams: readonly string[] = SECRET_QUERY_PARAMS;

function paramName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " ")).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

function redactParams(params: string): string {
  return params.replace(/([^&=]*)=[^&]*/g, (pair, name: string) => (secretParams.includes(paramName(name)) ? `${name}=${REDACTED}` : pair));
}

/** For absolute and relative URLs alike, so it cannot throw on what it is asked to make safe. */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:)?\/\/[^/?#]*@/i, "$1//")
    .replace(/\?[^#]*|#[\s\S]*/g, (part) => part[0] + redactParams(part.slice(1)));
}
