/**
 * The one check every OAuth2 input passes: a string, non-empty, with no CR, LF or NUL (which
 * could split a header or a form field). The error names the option, never its value — it may
 * be a client secret or an authorization code.
 */
export function checkText(name: string, value: unknown, options: { trim?: boolean; optional?: boolean } = {}): string | undefined {
  if (value === undefined && options.optional) return undefined;
  if (typeof value !== "string") throw new TypeError(`OAuth2: ${name} must be a string`);
  if (/[\r\n\0]/.test(value)) throw new TypeError(`OAuth2: ${name} must not contain a line break or NUL (not shown)`);
  const text = options.trim ? value.trim() : value;
  if (text.trim() === "") throw new TypeError(`OAuth2: ${name} must not be empty`);
  return text;
}

/** {@link checkText} for an option that must be given. */
export function requireText(name: string, value: unknown, trim = false): string {
  return checkText(name, value, { trim }) as string;
}

/** An absolute http(s) URL; the error quotes no part of it (a query string may hold a secret). */
export function checkEndpoint(name: string, value: unknown): URL {
  const text = requireText(name, value, true);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`OAuth2: ${name} must be an absolute URL (not shown)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new TypeError(`OAuth2: ${name} must be an http(s) URL`);
  return url;
}
