/**
 * The `TypeError` for a path parameter that `isDotSegment` rejects: `where` names the
 * call (operation, or the path template of a raw call) and `name` the parameter. The value is
 * quoted only because it was rejected, so it is at most six harmless characters (`%2e%2e`).
 * Loaded with the first rejected value only.
 *
 * @example
 * ```ts
 * pathParamError("fax_id", "..", "deleteFax");
 * // TypeError: deleteFax: path parameter "fax_id" must not be empty, "." or ".." (got "..")
 * ```
 */
export function pathParamError(name: string, value: unknown, where: string): TypeError {
  return new TypeError(`${where}: path parameter "${name}" must not be empty, "." or ".." (got ${JSON.stringify(`${value ?? ""}`)})`);
}
