// The list page's filters live in the URL: these turn Next's searchParams into the query schema's
// input and back into links (next page, clear one filter), so a shared URL shows the same page.

export type SearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_RANGE = "24h";

/** First value of each parameter, empty ones dropped (a GET form sends every field); 24h unless a window is named. */
export function filtersFromSearchParams(sp: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined && first.trim() !== "") out[k] = first.trim();
  }
  if (!out.range && !out.from && !out.to) out.range = DEFAULT_RANGE;
  // the form disables from/to unless the range is custom; a hand-made URL with both gets the schema's message
  return out;
}

export function listHref(slug: string, filters: Record<string, string>, change: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v !== undefined && v !== "") params.set(k, v);
  const qs = params.toString();
  return `/p/${slug}/traces${qs ? `?${qs}` : ""}`;
}
