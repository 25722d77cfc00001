/**
 * Such a segment moves the request to another resource (`DELETE …/faxes/..` is `DELETE …/`);
 * percent-encoded too, since URL parsers and many servers decode before resolving the path.
 */
export function isDotSegment(value: unknown): boolean {
  return /^(?:\.|%2e){0,2}$/i.test(`${value ?? ""}`);
}

/** Quotes the value: a rejected one is at most six harmless characters (`%2e%2e`). Beside isDotSegment: the main entry throws it inside the path serializer, which must throw at once. */
export function pathParamError(name: string, value: unknown, where: string): TypeError {
  return new TypeError(`${where}: path parameter "${name}" must not be empty, "." or ".." (got ${JSON.stringify(`${value ?? ""}`)})`);
}
