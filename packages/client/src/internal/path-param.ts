/**
 * Whether a path parameter's value would be read as an empty or dot segment (`.`, `..`) once
 * it is placed in a URL path — also percent-encoded (`%2e`, `.%2E`, `%2e%2e`), which URL
 * parsers and many servers decode before they resolve the path. Such a value would move the
 * request to another resource (`DELETE /accounts/self/faxes/..` is `DELETE /accounts/self/`).
 * A missing value (`undefined`, `null`) counts as empty.
 *
 * @example
 * ```ts
 * isDotSegment("%2e%2E"); // true
 * isDotSegment("5e7de3ad54cfd54eb568cc76"); // false
 * ```
 */
export function isDotSegment(value: unknown): boolean {
  return /^(?:\.|%2e){0,2}$/i.test(`${value ?? ""}`);
}
