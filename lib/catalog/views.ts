import { isPricePassShaped } from "@/lib/pricing/price-pass";
import { listingParamsSchema, searchParamsSchema } from "./params";
import { isPlainListing, isPlainSearch } from "./plain-query";
import type { Sort } from "./types";

/**
 * Catalog pages are cached per URL path, and a query string is not part of a cached route. The
 * proxy therefore maps every catalog URL to one canonical path: equal queries share one cached
 * page, junk parameters collapse onto the default, and an unbounded query (a search) is reduced to
 * what the page can show. The public URLs stay the readable `?sort=…&page=…` ones.
 */

export const DEFAULT_VIEW = "all";
/** Rendered at build time instead of a real record, so the build never opens the database. */
export const BUILD_PLACEHOLDER = "__build";

export type ListingView = { sort: Sort; page: number; manufacturer?: string; inStock: boolean };
export type SearchView = { q: string; page: number };
export type ProductNotice = "quantity" | "unavailable";

const fromEntries = (search: URLSearchParams) => {
  const out: Record<string, string[]> = {};
  for (const [k, v] of search) (out[k] ??= []).push(v);
  return out;
};

export function listingViewOf(search: URLSearchParams): ListingView {
  const p = listingParamsSchema.parse(fromEntries(search));
  return { sort: p.sort, page: p.page, manufacturer: p.manufacturer || undefined, inStock: p.stock === "1" };
}

/** The one path segment that names a listing view. */
export function listingViewKey(view: ListingView): string {
  const sp = new URLSearchParams();
  if (view.sort !== "name") sp.set("sort", view.sort);
  if (view.manufacturer) sp.set("manufacturer", view.manufacturer);
  if (view.inStock) sp.set("stock", "1");
  if (view.page > 1) sp.set("page", String(view.page));
  const s = sp.toString();
  return s ? encodeURIComponent(s) : DEFAULT_VIEW;
}

export function parseListingView(key: string): ListingView {
  if (key === DEFAULT_VIEW) return listingViewOf(new URLSearchParams());
  let decoded: string;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    decoded = "";
  }
  return listingViewOf(new URLSearchParams(decoded));
}

/** The public URL of a listing view (links, pagination, the filter form). */
export function listingHref(slug: string, view: ListingView): string {
  const key = listingViewKey(view);
  return `/categories/${slug}${key === DEFAULT_VIEW ? "" : `?${decodeURIComponent(key)}`}`;
}

export function searchViewOf(search: URLSearchParams): SearchView {
  const p = searchParamsSchema.parse(fromEntries(search));
  // Runs of spaces do not change the results, so they must not make a new cache entry either.
  // Case is kept: the page repeats the query as it was typed.
  return { q: p.q.replace(/\s+/g, " ").trim(), page: p.page };
}

export function searchViewKey(view: SearchView): string {
  if (!view.q) return DEFAULT_VIEW;
  const sp = new URLSearchParams({ q: view.q });
  if (view.page > 1) sp.set("page", String(view.page));
  return encodeURIComponent(sp.toString());
}

export function parseSearchView(key: string): SearchView {
  if (key === DEFAULT_VIEW) return { q: "", page: 1 };
  try {
    return searchViewOf(new URLSearchParams(decodeURIComponent(key)));
  } catch {
    return { q: "", page: 1 };
  }
}

export function searchHref(view: SearchView): string {
  const key = searchViewKey(view);
  return key === DEFAULT_VIEW ? "/search" : `/search?${decodeURIComponent(key)}`;
}

/**
 * A cached page's segment may also name whose prices it shows (`for=<price pass>`): next.config.ts
 * appends it from the price-pass cookie. The view part is shared by every visitor; only the page's
 * prices differ. This returns the view part (still to be parsed by its page) and the pass, if any.
 */
export function splitPricedKey(segment: string): { key: string; pass?: string } {
  if (segment === DEFAULT_VIEW) return { key: segment };
  let decoded: string;
  try {
    // Next hands the segment over as it was in the path, `=` escaped or not.
    decoded = decodeURIComponent(segment);
  } catch {
    return { key: segment };
  }
  if (!decoded.includes("for=")) return { key: segment };
  const sp = new URLSearchParams(decoded);
  const pass = sp.get("for");
  sp.delete("for");
  const rest = sp.toString();
  return { key: rest ? encodeURIComponent(rest) : DEFAULT_VIEW, pass: isPricePassShaped(pass) ? pass : undefined };
}

const NOTICES: readonly ProductNotice[] = ["quantity", "unavailable"];

export function productNoticeOf(value: string | null | undefined): ProductNotice | null {
  return NOTICES.find((n) => n === value) ?? null;
}

/** The public catalog URLs: their answers are cached pages, shared unless a price pass picks them. */
export function isCatalogPage(pathname: string): boolean {
  return pathname === "/" || pathname === "/search" || /^\/(categories|products)\/[^/]+$/.test(pathname);
}

/**
 * Where the proxy sends a catalog URL: the internal cached path, or null where next.config.ts maps
 * it (plain queries, default views) and for anything that is not a catalog page. Only GET/HEAD pages
 * are rewritten; server actions post to the page URL itself. What the proxy maps is the page shared
 * by everyone: Next makes a proxy-rewritten page publicly cacheable whatever the proxy says, so
 * only next.config.ts adds a price pass (the buyer's own prices then come by script).
 */
export function catalogRewrite(pathname: string, search: URLSearchParams): string | null {
  if (pathname === "/search") return isPlainSearch(search) ? null : `/search/${searchViewKey(searchViewOf(search))}`;
  const category = /^\/categories\/([^/]+)$/.exec(pathname);
  if (category) {
    if (isPlainListing(search)) return null;
    const key = listingViewKey(listingViewOf(search));
    // The default view has a route of its own: junk or default parameters need no rewrite.
    return key === DEFAULT_VIEW ? null : `/categories/${category[1]}/${key}`;
  }
  const product = /^\/products\/([^/]+)$/.exec(pathname);
  if (product) {
    const notice = productNoticeOf(search.get("error"));
    return notice ? `/products/${product[1]}/notice/${notice}` : null;
  }
  return null;
}
