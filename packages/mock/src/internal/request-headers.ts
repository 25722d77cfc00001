import type { IncomingHttpHeaders } from "node:http";

/**
 * Node's request headers as one string per name: the few that node keeps as a list
 * (`set-cookie`) joined with `, `, as engines take them. Names are already lower case.
 *
 * @example
 * ```ts
 * singleValued({ "set-cookie": ["a=1", "b=2"], accept: "*\/*" }); // { "set-cookie": "a=1, b=2", accept: "*\/*" }
 * ```
 */
export function singleValued(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]),
  );
}
