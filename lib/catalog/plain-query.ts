/**
 * Catalog query strings next.config.ts can map to their cached page on its own (the proxy maps the
 * rest; only next.config.ts adds the price pass, see lib/pricing/price-pass.ts).
 *
 * Search queries next.config.ts can map to their cached page on its own, without the proxy: already
 * in canonical form (single spaces, no edge spaces, at most 100 characters) and made of characters
 * that need no escaping in a path segment — letters (Latin-1, so German and the other western
 * languages), digits and `. , _ -`. Anything else (a `/` in "M8/20", a `+`, runs of spaces) goes
 * through the proxy, which normalises it. proxy.ts repeats these patterns literally (Next reads its
 * matcher at build time); a unit test keeps the copies equal.
 */
const WORD = "[A-Za-z0-9À-ÖØ-öø-ÿ.,_-]+";
export const PLAIN_QUERY_PATTERN = `(?=.{1,100}$)${WORD}(?: ${WORD})*`;
/** Result pages after the first (page 1 is the query's own key). */
export const PLAIN_PAGE_PATTERN = "(?:[2-9]|[1-9]\\d{1,3})";
/** Listing orders other than the default (by name). */
export const PLAIN_SORT_PATTERN = "(?:price_asc|price_desc)";

// Next matches a `has` value against the whole value, and against the last one of a repeated parameter.
const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const PLAIN = { q: whole(PLAIN_QUERY_PATTERN), page: whole(PLAIN_PAGE_PATTERN), sort: whole(PLAIN_SORT_PATTERN) };
const last = (search: URLSearchParams, key: string) => search.getAll(key).at(-1);
const absentOrPlain = (search: URLSearchParams, key: "page" | "sort") => {
  const value = last(search, key);
  return value === undefined || PLAIN[key].test(value);
};

/** True when next.config.ts maps this search itself (the proxy must then leave it alone). */
export function isPlainSearch(search: URLSearchParams): boolean {
  const q = last(search, "q");
  return q !== undefined && PLAIN.q.test(q) && absentOrPlain(search, "page");
}

/** True when next.config.ts maps this listing itself: at most a plain order and page. */
export function isPlainListing(search: URLSearchParams): boolean {
  return !search.has("manufacturer") && !search.has("stock") && absentOrPlain(search, "sort") && absentOrPlain(search, "page");
}
