/**
 * Such a segment moves the request to another resource (`DELETE …/faxes/..` is `DELETE …/`);
 * percent-encoded too, since URL parsers and many servers decode before resolving the path.
 */
export function isDotSegment(value: unknown): boolean {
  return /^(?:\.|%2e){0,2}$/i.test(`${value ?? ""}`);
}
