/** Quotes the value: a rejected one is at most six harmless characters (`%2e%2e`). Loaded on first use. */
export function pathParamError(name: string, value: unknown, where: string): TypeError {
  return new TypeError(`${where}: path parameter "${name}" must not be empty, "." or ".." (got ${JSON.stringify(`${value ?? ""}`)})`);
}
