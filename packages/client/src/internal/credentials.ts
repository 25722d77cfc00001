/**
 * The string values of `values` (token, client id, OAuth2 secrets) as they will be sent,
 * changed in place: surrounding whitespace trimmed (a token read from a file usually ends
 * with a newline, which fetch would drop from the header anyway). A CR, LF or NUL left inside
 * is a `TypeError` naming the option (`prefix` + key) — never quoting the value, as fetch's
 * own error would: such a value cannot be sent in a header. Other values pass untouched.
 *
 * @example
 * ```ts
 * checkCredentials({ token: "pat_123\n" }); // { token: "pat_123" }
 * checkCredentials({ clientSecret: "s\r\nX-Evil: 1" }, "oauth."); // TypeError: oauth.clientSecret must not contain a line break or NUL (not shown)
 * ```
 */
export function checkCredentials<T extends object>(values: T, prefix = ""): T {
  const fields = values as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== "string") continue;
    fields[key] = value.trim();
    if (/[\r\n\0]/.test(fields[key] as string)) throw new TypeError(`${prefix}${key} must not contain a line break or NUL (not shown)`);
  }
  return values;
}
