/**
 * Trims in place (a token read from a file ends with a newline). A line break or NUL inside
 * cannot be sent in a header; the error names the option but, unlike fetch's, never the value.
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
