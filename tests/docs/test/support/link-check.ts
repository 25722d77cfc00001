/** The anchors a page offers: every `id` and `name` attribute in its HTML. */
function anchorsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((match) => match[1] as string));
}

/**
 * The links among `hrefs` (absolute URLs under `origin`) whose page does not answer 200, or
 * whose `#fragment` names no anchor on it. Each page is fetched once; more than `maxPages`
 * distinct pages is an error rather than a partial check.
 */
export async function brokenLinks(hrefs: Iterable<string>, origin: string, maxPages: number): Promise<string[]> {
  const internal = [...new Set(hrefs)].filter((href) => href.startsWith(`${origin}/`));
  const pages = new Set(internal.map((href) => href.split("#")[0] as string));
  if (pages.size > maxPages) throw new Error(`${pages.size} pages linked, more than the ${maxPages} the check is bounded to`);
  const anchors = new Map<string, Set<string> | undefined>();
  for (const page of pages) {
    const response = await fetch(page);
    const html = await response.text();
    anchors.set(page, response.ok ? anchorsOf(html) : undefined);
  }
  return internal.filter((href) => {
    const [page, fragment] = href.split("#") as [string, string | undefined];
    const ids = anchors.get(page);
    if (ids === undefined) return true;
    return fragment !== undefined && fragment !== "" && !ids.has(decodeURIComponent(fragment));
  });
}
