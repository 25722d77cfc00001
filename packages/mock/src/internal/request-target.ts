import { quoteRequestText } from "./quote-request-text.js";

/** A request target the mock can route: the normalised path and the decoded query. */
export interface RequestTarget {
  path: string;
  query: Record<string, string | string[]>;
}

export type TargetCheck = { ok: true; target: RequestTarget } | { ok: false; description: string };

/**
 * Checks and splits the request target before anything routes on it. Prism decodes path
 * parameters with `decodeURIComponent` and throws on a malformed escape such as `%ZZ` or on
 * bytes that are not UTF-8 (`%C3%28`); here every path segment and every query name and value
 * is decoded once, and a target that does not decode is refused with a description naming it.
 *
 * @example
 * ```ts
 * checkRequestTarget("/v3/accounts/self?x=1"); // { ok: true, target: { path: "/v3/accounts/self", query: { x: "1" } } }
 * checkRequestTarget("/v3/accounts/%ZZ");      // { ok: false, description: 'the request path … "%ZZ" …' }
 * ```
 */
export function checkRequestTarget(rawTarget: string): TargetCheck {
  const checked = checkTargetEncoding(rawTarget);
  if (!checked.ok) return checked;
  return { ok: true, target: { path: checked.path, query: queryValues(checked.rawQuery) } };
}

export type EncodingCheck = { ok: true; path: string; rawQuery: string } | { ok: false; description: string };

/**
 * The checks of {@link checkRequestTarget} without decoding the query: the normalised path
 * (still percent-encoded) and the raw query string, for an engine that decodes them itself.
 *
 * @example
 * ```ts
 * checkTargetEncoding("/v3/a/../faxes?x=%20"); // { ok: true, path: "/v3/faxes", rawQuery: "x=%20" }
 * ```
 */
export function checkTargetEncoding(rawTarget: string): EncodingCheck {
  const originForm = toOriginForm(rawTarget);
  if (originForm === undefined)
    return { ok: false, description: `the request target ${quoteRequestText(rawTarget)} is not a path starting with "/"` };
  const cut = originForm.search(/[?#]/);
  const rawPath = cut === -1 ? originForm : originForm.slice(0, cut);
  const rawQuery = cut !== -1 && originForm[cut] === "?" ? (originForm.slice(cut + 1).split("#")[0] ?? "") : "";
  const badSegment = rawPath.split("/").find((segment) => !decodes(segment));
  if (badSegment !== undefined)
    return { ok: false, description: `the request path segment ${quoteRequestText(badSegment)} is not valid percent-encoded UTF-8` };
  const badQueryPart = rawQuery.split(/[&=]/).find((part) => !decodes(part.replace(/\+/g, " ")));
  if (badQueryPart !== undefined)
    return { ok: false, description: `the query string part ${quoteRequestText(badQueryPart)} is not valid percent-encoded UTF-8` };
  const path = normalisedPath(rawPath);
  if (path === undefined) return { ok: false, description: `the request path ${quoteRequestText(rawPath)} is not a valid URL path` };
  return { ok: true, path, rawQuery };
}

/** `/path?q` as is; `http://host/path?q` (absolute form, sent to proxies) as its path and query; anything else `undefined`. */
function toOriginForm(rawTarget: string): string | undefined {
  if (rawTarget.startsWith("/")) return rawTarget;
  if (!/^https?:\/\//i.test(rawTarget)) return undefined;
  try {
    const url = new URL(rawTarget);
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

/** Dot segments resolved and unsafe characters escaped, as a URL parser sees the path (the base is fixed, so `//x` stays a path). */
function normalisedPath(rawPath: string): string | undefined {
  try {
    return new URL(`http://mock${rawPath}`).pathname;
  } catch {
    return undefined;
  }
}

/** Query names to their value, or to every value when a name repeats. */
function queryValues(rawQuery: string): Record<string, string | string[]> {
  const params = new URLSearchParams(rawQuery);
  // fromEntries defines own properties, so a parameter named `__proto__` stays a parameter.
  return Object.fromEntries(
    [...new Set(params.keys())].map((name) => {
      const all = params.getAll(name);
      return [name, all.length === 1 ? (all[0] as string) : all];
    }),
  );
}
